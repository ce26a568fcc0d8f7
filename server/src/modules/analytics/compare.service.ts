import type { EntityManager } from '@mikro-orm/postgresql';
import { badInputError } from '../../common/errors/bad-input-error.js';
import { MetricKind } from '../metric/metric-kind.enum.js';
import { analyticsPeriod } from './analytics-period.js';
import { MetricValuesService } from './metric-values.service.js';
import { Normalization } from './normalization.enum.js';
import type { ComparisonCell } from './dto/comparison-cell.type.js';
import type { ComparisonSeries } from './dto/comparison-series.type.js';
import type { PeriodInput } from './dto/period.input.js';
import type { TownshipComparison } from './dto/township-comparison.type.js';

/** A rate resting on fewer cases than this is flagged: one letter answered is not a 100% record. */
export const SMALL_SAMPLE_CASES = 5;
export const MAX_COMPARED_METRICS = 30;
export const MAX_COMPARED_PERIODS = 40;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Competition ranking (1, 2, 2, 4) in the metric's direction; unknown values get no rank. */
function rank(cells: ComparisonCell[], higherIsBetter: boolean): void {
  const known = cells
    .filter((c) => c.value !== null)
    .sort((a, b) => (higherIsBetter ? b.value! - a.value! : a.value! - b.value!));
  known.forEach((cell, i) => {
    const previous = known[i - 1];
    cell.rank = previous && previous.value === cell.value ? previous.rank : i + 1;
  });
}

export class CompareService {
  constructor(private readonly em: EntityManager) {}

  async compare(
    countyId: string,
    metricKeys: readonly string[],
    periodInputs: readonly PeriodInput[],
    normalize: Normalization,
  ): Promise<TownshipComparison> {
    if (metricKeys.length === 0 || metricKeys.length > MAX_COMPARED_METRICS) {
      throw badInputError(
        ['metricKeys'],
        `指标数须为 1 至 ${MAX_COMPARED_METRICS}`,
        `Ask for 1 to ${MAX_COMPARED_METRICS} metrics`,
      );
    }
    if (periodInputs.length === 0 || periodInputs.length > MAX_COMPARED_PERIODS) {
      throw badInputError(
        ['periods'],
        `统计期数须为 1 至 ${MAX_COMPARED_PERIODS}`,
        `Ask for 1 to ${MAX_COMPARED_PERIODS} periods`,
      );
    }
    const periods = periodInputs.map((p, i) => analyticsPeriod(p.year, p.quarter, ['periods', i]));
    const table = await new MetricValuesService(this.em).resolve(countyId, null, periods, metricKeys);
    const metrics = metricKeys.map((key, i) => {
      const metric = table.catalog.find((m) => m.key === key);
      if (!metric) throw badInputError(['metricKeys', i], `未知指标：${key}`, `Unknown metric: ${key}`);
      return metric;
    });
    const cells: ComparisonCell[] = [];
    const series: ComparisonSeries[] = [];
    periods.forEach((_period, periodIndex) => {
      for (const metric of metrics) {
        const group: ComparisonCell[] = table.townships.map((township) => {
          const resolved = table.get(township.id, periodIndex, metric.key);
          const perDeputy = normalize === Normalization.PER_DEPUTY && metric.kind === MetricKind.COUNT;
          const value =
            resolved.value === null || !perDeputy
              ? resolved.value
              : township.deputies > 0
                ? round2((resolved.value / township.deputies) * 10)
                : null;
          return {
            townshipId: township.id,
            periodIndex,
            metricKey: metric.key,
            value,
            rawValue: resolved.value,
            numerator: resolved.numerator,
            denominator: resolved.denominator,
            provenance: resolved.provenance,
            qualifier: resolved.qualifier,
            rank: null,
            smallSample:
              metric.kind === MetricKind.RATE &&
              resolved.denominator !== null &&
              resolved.denominator < SMALL_SAMPLE_CASES,
          };
        });
        rank(group, metric.higherIsBetter);
        cells.push(...group);
        series.push({
          periodIndex,
          metricKey: metric.key,
          values: group.map((c) => c.value),
          ranks: group.map((c) => c.rank),
          smallSample: group.map((c) => c.smallSample),
        });
      }
    });
    return { normalize, periods, metrics, townships: table.townships, cells, series };
  }
}
