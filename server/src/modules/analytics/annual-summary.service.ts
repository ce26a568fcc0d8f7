import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { notFoundError } from '../../common/errors/not-found-error.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { Township } from '../township/township.entity.js';
import { analyticsPeriod } from './analytics-period.js';
import { MetricValuesService } from './metric-values.service.js';
import { SUMMARY_CLAUSES, summaryParagraph } from './summary-paragraph.js';
import type { AnnualSummary } from './dto/annual-summary.type.js';

const SUMMARY_KEYS = [
  ...SUMMARY_CLAUSES.flatMap((c) => c.items.map(([key]) => key)),
  'suggestion_completion_rate',
  'registered_voters',
  'voters_voted',
  'election_turnout',
];

export class AnnualSummaryService {
  constructor(private readonly em: EntityManager) {}

  async summarise(townshipId: string, year: number): Promise<AnnualSummary> {
    assertUuid(townshipId, ['townshipId']);
    const township = await this.em.findOne(Township, { id: townshipId });
    if (!township) throw notFoundError('乡镇', 'Township', townshipId, ['townshipId']);
    const period = analyticsPeriod(year, null, []);
    const table = await new MetricValuesService(this.em).resolve(
      township.county.id,
      [township.id],
      [period],
      SUMMARY_KEYS,
    );
    const figures = SUMMARY_KEYS.flatMap((key) => {
      const metric = table.catalog.find((m) => m.key === key);
      if (!metric) return [];
      const v = table.get(township.id, 0, key);
      return [{ metricKey: key, nameZh: metric.nameZh, nameEn: metric.nameEn, unit: metric.unit, ...v }];
    });
    return {
      townshipId: township.id,
      townshipName: township.name,
      year,
      figures,
      paragraphZh: summaryParagraph(township.name, year, figures),
      includesSynthetic: figures.some((f) => f.provenance === Provenance.SYNTHETIC),
    };
  }
}
