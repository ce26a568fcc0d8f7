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
function rank(values: readonly (number | null)[], higherIsBetter: boolean): (number | null)[] {
  const known = values
    .map((_v, i) => i)
    .filter((i) => values[i] !== null)
    .sort((a, b) => (higherIsBetter ? values[b]! - values[a]! : values[a]! - values[b]!));
  const ranks: (number | null)[] = values.map(() => null);
  known.forEach((index, i) => {
    const previous = known[i - 1];
    ranks[index] = previous !== undefined && values[previous] === values[index] ? ranks[previous]! : i + 1;
  });
  return ranks;
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
    const series: ComparisonSeries[] = [];
    periods.forEach((_period, periodIndex) => {
      for (const metric of metrics) {
        const perDeputy = normalize === Normalization.PER_DEPUTY && metric.kind === MetricKind.COUNT;
        const resolved = table.townships.map((township) => table.get(township.id, periodIndex, metric.key));
        const values = resolved.map(({ value }, i) => {
          const deputies = table.townships[i]!.deputies;
          if (value === null || !perDeputy) return value;
          return deputies > 0 ? round2((value / deputies) * 10) : null;
        });
        series.push({
          periodIndex,
          metricKey: metric.key,
          values,
          ranks: rank(values, metric.higherIsBetter),
          smallSample: resolved.map(
            (r) => metric.kind === MetricKind.RATE && r.denominator !== null && r.denominator < SMALL_SAMPLE_CASES,
          ),
          provenances: resolved.map((r) => r.provenance),
          qualifiers: resolved.map((r) => r.qualifier),
          unknownReasons: resolved.map((r) => r.unknownReason),
          provisional: resolved.map((r) => r.provisional),
          rankSynthetic: resolved.map(() => false),
          median: null,
          medianBasis: 0,
          medianProvenance: null,
        });
      }
    });
    // Cells repeat the series with each figure's provenance and parts; built only when asked for.
    let cells: ComparisonCell[] | null = null;
    const buildCells = (): ComparisonCell[] =>
      series.flatMap((s) =>
        table.townships.map((township, i) => {
          const resolved = table.get(township.id, s.periodIndex, s.metricKey);
          return {
            townshipId: township.id,
            periodIndex: s.periodIndex,
            metricKey: s.metricKey,
            value: s.values[i]!,
            rawValue: resolved.value,
            numerator: resolved.numerator,
            denominator: resolved.denominator,
            provenance: resolved.provenance,
            qualifier: resolved.qualifier,
            rank: s.ranks[i]!,
            smallSample: s.smallSample[i]!,
            unknownReason: resolved.unknownReason,
            provisional: resolved.provisional,
            syntheticShare: resolved.syntheticShare,
            rankSynthetic: s.rankSynthetic[i]!,
          };
        }),
      );
    return {
      normalize,
      periods,
      metrics,
      townships: table.townships,
      get cells() {
        cells ??= buildCells();
        return cells;
      },
      series,
    };
  }
}
