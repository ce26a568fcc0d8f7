import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import type { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { chinaToday } from '../../common/validation/china-today.js';
import type { AnnualSummary } from './dto/annual-summary.type.js';
import type { SummaryFigure } from './dto/summary-figure.type.js';
import { UnknownReason } from '../analytics/unknown-reason.enum.js';
import { Term } from '../term/term.entity.js';
import { composeSummary } from './compose-summary.js';
import { SummaryKind } from './dto/summary-kind.enum.js';
import { loadSummaryRecords, type SourceFigure } from './summary-sources.js';
import { termErrors } from '../term/term.errors.js';

/**
 * The summary of a whole term (届): the figures the township reported for the term, and the records
 * dated within it. A term whose start is not known has only its figures and its own sessions: no
 * year's records are borrowed for it.
 */
export class TermSummaryService {
  constructor(
    private readonly em: EntityManager,
    /** The caller's county: every read names it (see AnnualSummaryService). */
    private readonly countyId: string,
  ) {}

  async summarise(townshipId: string, termId: string, includeSynthetic = false): Promise<AnnualSummary> {
    assertUuid(townshipId, ['townshipId']);
    assertUuid(termId, ['termId']);
    const term = await this.em.findOne(
      Term,
      { id: termId, county: this.countyId, township: townshipId },
      { populate: ['township'] },
    );
    if (!term) throw termErrors.notFound(termId, ['termId']);
    const township = term.township.getEntity();
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select f.metric_key, f.value, f.qualifier, f.provenance, m.name_zh, m.name_en, m.unit
         from period_figure f
         join metric_definition m on m.key = f.metric_key and (m.county_id is null or m.county_id = f.county_id)
        where f.county_id = ?::uuid and f.township_id = ? and f.period_kind = 'TERM' and f.term_id = ?
        order by f.metric_key`,
      [this.countyId, township.id, term.id],
    );
    const figures: SummaryFigure[] = rows.map((r) => ({
      metricKey: String(r['metric_key']),
      nameZh: String(r['name_zh']),
      nameEn: String(r['name_en']),
      unit: String(r['unit']),
      value: r['value'] === null ? null : Number(r['value']),
      numerator: null,
      denominator: null,
      provenance: r['provenance'] as Provenance,
      qualifier: r['qualifier'] as FigureQualifier,
      // A term figure is what the report gave: a mention without a number is 报告未载明.
      unknownReason: r['value'] === null ? UnknownReason.NOT_STATED : null,
      syntheticShare: r['value'] === null ? null : r['provenance'] === Provenance.SYNTHETIC ? 1 : 0,
    }));
    const known = new Map<string, SourceFigure>();
    for (const f of figures) {
      if (f.value === null || f.provenance === null) continue;
      known.set(f.metricKey, { ...f, value: f.value, provenance: f.provenance });
    }
    const from = term.startedOn;
    const to = from === null ? null : (term.endedOn ?? chinaToday());
    const records = await loadSummaryRecords(
      this.em,
      { countyId: this.countyId, townshipId: township.id },
      { from, to, termId: term.id },
    );
    return composeSummary({
      townshipId: township.id,
      townshipName: township.name,
      kind: SummaryKind.TERM,
      year: null,
      termId: term.id,
      termOrdinal: term.ordinal,
      figures,
      sources: { townshipName: township.name, townshipCode: township.code, figures: known, ...records },
      includeSynthetic,
    });
  }
}
