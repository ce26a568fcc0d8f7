import type { EntityManager } from '@mikro-orm/postgresql';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { MetricKind } from '../metric/metric-kind.enum.js';
import { MIN_COUNTY_BASIS } from './resolved-value.js';
import { UnknownReason } from './unknown-reason.enum.js';
import { analyticsPeriod } from './analytics-period.js';
import { MetricValuesService } from './metric-values.service.js';
import { Normalization } from './normalization.enum.js';
import type { ComparisonCell } from './dto/comparison-cell.type.js';
import type { ComparisonSeries } from './dto/comparison-series.type.js';
import type { PeriodInput } from './dto/period.input.js';
import type { TownshipComparison } from './dto/township-comparison.type.js';
import { metricErrors } from '../metric/metric.errors.js';
import { analyticsErrors } from './analytics.errors.js';

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

/**
 * The county median of the known values, only when at least MIN_COUNTY_BASIS are known; SYNTHETIC when
 * any value it used is.
 */
function median(values: readonly (number | null)[], provenances: readonly (Provenance | null)[]) {
  const used = values.flatMap((v, i) => (v === null ? [] : [{ v, p: provenances[i] ?? null }]));
  if (used.length < MIN_COUNTY_BASIS) return { median: null, medianBasis: used.length, medianProvenance: null };
  const sorted = used.map((u) => u.v).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const all = used.map((u) => u.p);
  return {
    median: round2(value),
    medianBasis: used.length,
    medianProvenance: all.includes(Provenance.SYNTHETIC)
      ? Provenance.SYNTHETIC
      : all.includes(Provenance.RECORDED)
        ? Provenance.RECORDED
        : (all.find((p) => p !== null) ?? null),
  };
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
      throw analyticsErrors.metricCount(MAX_COMPARED_METRICS);
    }
    if (periodInputs.length === 0 || periodInputs.length > MAX_COMPARED_PERIODS) {
      throw analyticsErrors.periodCount(MAX_COMPARED_PERIODS);
    }
    const periods = periodInputs.map((p, i) => analyticsPeriod(p.year, p.quarter, ['periods', i]));
    const table = await new MetricValuesService(this.em).resolve(countyId, null, periods, metricKeys);
    const metrics = metricKeys.map((key, i) => {
      const metric = table.catalog.find((m) => m.key === key);
      if (!metric) throw metricErrors.unknownMetric(['metricKeys', i], key);
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
        const ranks = rank(values, metric.higherIsBetter);
        const provenances = resolved.map((r, i) => (values[i] === null ? null : r.provenance));
        // A rank places a township among the others: a generated value anywhere in the ranking moves it.
        const anySynthetic = provenances.includes(Provenance.SYNTHETIC);
        series.push({
          periodIndex,
          metricKey: metric.key,
          values,
          ranks,
          smallSample: resolved.map(
            (r) => metric.kind === MetricKind.RATE && r.denominator !== null && r.denominator < SMALL_SAMPLE_CASES,
          ),
          provenances,
          qualifiers: resolved.map((r) => r.qualifier),
          unknownReasons: resolved.map((r, i) =>
            values[i] === null ? (r.unknownReason ?? UnknownReason.NOT_RECORDED) : null,
          ),
          provisional: resolved.map((r) => r.provisional),
          rankSynthetic: ranks.map((r) => r !== null && anySynthetic),
          ...median(values, provenances),
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
            unknownReason: s.unknownReasons[i]!,
            provisional: resolved.provisional,
            syntheticShare: s.values[i] === null ? null : resolved.syntheticShare,
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
