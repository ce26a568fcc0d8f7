import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { MetricKind } from '../metric/metric-kind.enum.js';
import { percentage } from '../metric/recorded-metrics.service.js';
import { analyticsPeriod } from './analytics-period.js';
import { MetricValuesService } from './metric-values.service.js';
import {
  combinedReason,
  MIN_COUNTY_BASIS,
  rateQualifier,
  sumOf,
  unknownValue,
  weakestProvenance,
  type ResolvedValue,
} from './resolved-value.js';
import { TrendGranularity } from './trend-granularity.enum.js';
import { UnknownReason } from './unknown-reason.enum.js';
import type { MetricTrend } from './dto/metric-trend.type.js';
import type { Period } from './dto/period.type.js';
import { metricErrors } from '../metric/metric.errors.js';
import { analyticsErrors } from './analytics.errors.js';

/**
 * A county total over townships: a count sums the known values (a lower bound when some township's is
 * unknown); a rate divides the summed parts of the townships where both are known, and needs at least
 * MIN_COUNTY_BASIS of them (approximate when it misses some). `basis`: how many townships are known.
 */
export function countyTotal(values: readonly ResolvedValue[], kind: MetricKind): ResolvedValue & { basis: number } {
  if (kind === MetricKind.RATE) {
    const parts = values.filter((v) => v.numerator !== null && v.denominator !== null && v.value !== null);
    if (parts.length < MIN_COUNTY_BASIS || parts.length === 0) {
      return {
        ...unknownValue(parts.length > 0 ? UnknownReason.NOT_RECORDED : combinedReason(values)),
        basis: parts.length,
      };
    }
    const numerator = parts.reduce((s, v) => s + v.numerator!, 0);
    const denominator = parts.reduce((s, v) => s + v.denominator!, 0);
    const value = percentage(numerator, denominator);
    if (value === null) return { ...unknownValue(UnknownReason.NOT_RECORDED), basis: parts.length };
    const qualifier = rateQualifier(parts);
    return {
      value,
      numerator,
      denominator,
      provenance: weakestProvenance(parts),
      qualifier: parts.length < values.length ? FigureQualifier.APPROXIMATE : qualifier,
      unknownReason: null,
      provisional: parts.some((p) => p.provisional),
      syntheticShare: Math.max(...parts.map((p) => p.syntheticShare ?? 0)),
      basis: parts.length,
    };
  }
  const known = values.filter((v) => v.value !== null);
  if (known.length === 0) return { ...unknownValue(combinedReason(values)), basis: 0 };
  return { ...sumOf(known, known.length < values.length), basis: known.length };
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
      throw analyticsErrors.yearRange();
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
    if (!metric) throw metricErrors.unknownMetric(['metricKey'], metricKey);
    const values = periods.map((_p, i) =>
      townshipId
        ? { ...table.get(townshipId, i, metricKey), basis: null }
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
      return { period, ...current, yearOverYearChange: change };
    });
    return { metric, townshipId, granularity, points: points.slice(step) };
  }
}
