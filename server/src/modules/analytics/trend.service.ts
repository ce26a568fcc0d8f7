import type { EntityManager } from '@mikro-orm/postgresql';
import { badInputError } from '../../common/errors/bad-input-error.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { MetricKind } from '../metric/metric-kind.enum.js';
import { percentage } from '../metric/recorded-metrics.service.js';
import { analyticsPeriod } from './analytics-period.js';
import { MetricValuesService, type ResolvedValue } from './metric-values.service.js';
import { TrendGranularity } from './trend-granularity.enum.js';
import { UnknownReason } from './unknown-reason.enum.js';
import type { MetricTrend } from './dto/metric-trend.type.js';
import type { Period } from './dto/period.type.js';

const TRUST: Record<Provenance, number> = { SYNTHETIC: 0, RECORDED: 1, REPORTED: 2 };

const NO_VALUE: ResolvedValue = {
  value: null,
  numerator: null,
  denominator: null,
  provenance: null,
  qualifier: FigureQualifier.EXACT,
  unknownReason: UnknownReason.NOT_RECORDED,
  provisional: false,
  syntheticShare: null,
};

/** A county total: the sum over townships; a township without the figure makes it a lower bound. */
function countyTotal(values: readonly ResolvedValue[], kind: MetricKind): ResolvedValue {
  const provenance = values
    .map((v) => v.provenance)
    .filter((p): p is Provenance => p !== null)
    .reduce<Provenance | null>((a, b) => (a === null || TRUST[b] < TRUST[a] ? b : a), null);
  if (kind === MetricKind.RATE) {
    const parts = values.filter((v) => v.numerator !== null && v.denominator !== null);
    const numerator = parts.length ? parts.reduce((s, v) => s + v.numerator!, 0) : null;
    const denominator = parts.length ? parts.reduce((s, v) => s + v.denominator!, 0) : null;
    return {
      ...NO_VALUE,
      value: percentage(numerator, denominator),
      numerator,
      denominator,
      provenance,
      qualifier: FigureQualifier.EXACT,
    };
  }
  const known = values.filter((v) => v.value !== null);
  if (known.length === 0) return NO_VALUE;
  const partial = known.length < values.length || known.some((v) => v.qualifier !== FigureQualifier.EXACT);
  return {
    ...NO_VALUE,
    value: known.reduce((s, v) => s + v.value!, 0),
    numerator: null,
    denominator: null,
    provenance,
    qualifier: partial ? FigureQualifier.AT_LEAST : FigureQualifier.EXACT,
  };
}

export class TrendService {
  constructor(private readonly em: EntityManager) {}

  async trend(
    countyId: string,
    metricKey: string,
    townshipId: string | null,
    fromYear: number,
    toYear: number,
    granularity: TrendGranularity,
  ): Promise<MetricTrend> {
    if (townshipId) assertUuid(townshipId, ['townshipId']);
    if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || toYear < fromYear || toYear - fromYear > 10) {
      throw badInputError(['toYear'], '年份范围须为 0 至 10 年', 'The year range must span 0 to 10 years');
    }
    // One year more at the start, for the first year-over-year change.
    const periods: Period[] = [];
    for (let year = fromYear - 1; year <= toYear; year += 1) {
      if (granularity === TrendGranularity.YEAR) periods.push(analyticsPeriod(year, null, []));
      else for (const quarter of [1, 2, 3, 4]) periods.push(analyticsPeriod(year, quarter, []));
    }
    const table = await new MetricValuesService(this.em).resolve(countyId, townshipId ? [townshipId] : null, periods, [
      metricKey,
    ]);
    const metric = table.catalog.find((m) => m.key === metricKey);
    if (!metric) throw badInputError(['metricKey'], `未知指标：${metricKey}`, `Unknown metric: ${metricKey}`);
    const values = periods.map((_p, i) =>
      townshipId
        ? table.get(townshipId, i, metricKey)
        : countyTotal(
            table.townships.map((t) => table.get(t.id, i, metricKey)),
            metric.kind,
          ),
    );
    const step = granularity === TrendGranularity.YEAR ? 1 : 4;
    const points = periods.map((period, i) => {
      const previous = values[i - step];
      const current = values[i]!;
      const change =
        previous && previous.value !== null && previous.value !== 0 && current.value !== null
          ? Math.round(((current.value - previous.value) / previous.value) * 10000) / 100
          : null;
      return {
        period,
        ...current,
        unknownReason: current.value === null ? current.unknownReason : null,
        syntheticShare: current.value === null ? null : current.provenance === Provenance.SYNTHETIC ? 1 : 0,
        yearOverYearChange: change,
        basis: null,
      };
    });
    return { metric, townshipId, granularity, points: points.slice(step) };
  }
}
