import type { EntityManager } from '@mikro-orm/postgresql';
import { findOneReadOnly } from '../../common/entities/find-read-only.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { Township } from '../township/township.entity.js';
import { analyticsPeriod } from '../analytics/analytics-period.js';
import { MetricValuesService } from '../analytics/metric-values.service.js';
import type { AnnualSummary } from './dto/annual-summary.type.js';
import type { SummaryFigure } from './dto/summary-figure.type.js';
import { composeSummary } from './compose-summary.js';
import { SummaryKind } from './dto/summary-kind.enum.js';
import { SUMMARY_METRIC_KEYS } from './summary-metric-keys.js';
import { loadSummaryRecords, type SourceFigure } from './summary-sources.js';
import { townshipErrors } from '../township/township.errors.js';

/**
 * A township's year. Every statement names the caller's county as a value beside the township (another
 * county's township is as absent as it is to row-level security), so on a Citus cluster the whole
 * summary is routed to the county's shard group.
 */
export class AnnualSummaryService {
  constructor(
    private readonly em: EntityManager,
    private readonly countyId: string,
  ) {}

  async summarise(townshipId: string, year: number, includeSynthetic = false): Promise<AnnualSummary> {
    assertUuid(townshipId, ['townshipId']);
    const township = await findOneReadOnly(this.em, Township, { id: townshipId, county: this.countyId });
    if (!township) throw townshipErrors.notFound(townshipId, ['townshipId']);
    const period = analyticsPeriod(year, null, ['year']);
    const table = await new MetricValuesService(this.em).resolve(
      this.countyId,
      [township.id],
      [period],
      SUMMARY_METRIC_KEYS,
    );
    const figures: SummaryFigure[] = SUMMARY_METRIC_KEYS.flatMap((key) => {
      const metric = table.catalog.find((m) => m.key === key);
      if (!metric) return [];
      const v = table.get(township.id, 0, key);
      return [{ metricKey: key, nameZh: metric.nameZh, nameEn: metric.nameEn, unit: metric.unit, ...v }];
    });
    const known = new Map<string, SourceFigure>();
    for (const f of figures) {
      if (f.value === null || f.provenance === null) continue;
      known.set(f.metricKey, { ...f, value: f.value, provenance: f.provenance });
    }
    const records = await loadSummaryRecords(
      this.em,
      { countyId: this.countyId, townshipId: township.id },
      { from: period.from, to: period.to, termId: null },
    );
    return composeSummary({
      townshipId: township.id,
      townshipName: township.name,
      kind: SummaryKind.YEAR,
      year,
      termId: null,
      termOrdinal: null,
      figures,
      sources: { townshipName: township.name, townshipCode: township.code, figures: known, ...records },
      includeSynthetic,
    });
  }
}
