import type { EntityManager } from '@mikro-orm/postgresql';
import { findReadOnly } from '../../common/entities/find-read-only.js';
import { MetricDefinition } from './metric-definition.entity.js';
import { MetricKind } from './metric-kind.enum.js';
import { HIDDEN_RATE_PARTS, RECORDED_METRIC_SQL } from './recorded-metric-sql.js';
import { queryRecordedCounts } from './recorded-counts-query.js';

export interface RecordedValue {
  metricKey: string;
  /** null when the metric is not counted from records (e.g. resolutions made) or a rate has no cases. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  derivationZh: string;
  derivationEn: string;
}

/** A rate as a percentage with two decimals, or null when there is nothing to divide by. */
export function percentage(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return Math.round((numerator / denominator) * 10000) / 100;
}

/** The numerator and denominator keys of a rate, when both are counted from records. */
export function recordedRateParts(
  metric: Pick<MetricDefinition, 'key' | 'numeratorKey' | 'denominatorKey'>,
): [string, string] | null {
  const [numerator, denominator] = HIDDEN_RATE_PARTS[metric.key] ?? [metric.numeratorKey, metric.denominatorKey];
  if (!numerator || !denominator || !RECORDED_METRIC_SQL[numerator] || !RECORDED_METRIC_SQL[denominator]) return null;
  return [numerator, denominator];
}

/** What counting needs of a catalog metric: an entity, or a row the caller read some other way. */
type CountedMetric = Pick<MetricDefinition, 'key' | 'kind' | 'numeratorKey' | 'denominatorKey'>;

const NOT_RECORDED = { zh: '不由记录统计，由乡镇填报', en: 'not counted from records; entered by the township' };

/** A catalog metric's recorded value from the counts of one township and period. */
export function recordedValueOf(metric: CountedMetric, counts: ReadonlyMap<string, number | null>): RecordedValue {
  const own = RECORDED_METRIC_SQL[metric.key];
  if (metric.kind === MetricKind.COUNT) {
    return own
      ? {
          metricKey: metric.key,
          value: counts.get(metric.key) ?? null,
          numerator: null,
          denominator: null,
          derivationZh: own.zh,
          derivationEn: own.en,
        }
      : {
          metricKey: metric.key,
          value: null,
          numerator: null,
          denominator: null,
          derivationZh: NOT_RECORDED.zh,
          derivationEn: NOT_RECORDED.en,
        };
  }
  const parts = recordedRateParts(metric);
  if (!parts)
    return {
      metricKey: metric.key,
      value: null,
      numerator: null,
      denominator: null,
      derivationZh: NOT_RECORDED.zh,
      derivationEn: NOT_RECORDED.en,
    };
  const [numKey, denKey] = parts;
  const numerator = counts.get(numKey) ?? null;
  const denominator = counts.get(denKey) ?? null;
  return {
    metricKey: metric.key,
    value: percentage(numerator, denominator),
    numerator,
    denominator,
    derivationZh: `${RECORDED_METRIC_SQL[numKey]!.zh} ÷ ${RECORDED_METRIC_SQL[denKey]!.zh} × 100%`,
    derivationEn: `${RECORDED_METRIC_SQL[numKey]!.en} ÷ ${RECORDED_METRIC_SQL[denKey]!.en} × 100%`,
  };
}

/** Every catalog metric as counted from one township's records over a date range. */
export class RecordedMetricsService {
  constructor(private readonly em: EntityManager) {}

  /**
   * `catalog`: the metrics to count when the caller has already read the catalog in this transaction
   * (one statement fewer); read here otherwise. Values come back in the catalog's order.
   */
  async compute(
    scope: { countyId: string; townshipId: string },
    from: string,
    to: string,
    catalog?: readonly CountedMetric[],
  ): Promise<RecordedValue[]> {
    const [metrics, counted] = await Promise.all([
      catalog ?? findReadOnly(this.em, MetricDefinition, {}, { orderBy: { key: 'asc' } }),
      queryRecordedCounts(this.em, { countyId: scope.countyId, townshipIds: [scope.townshipId] }, [{ from, to }]),
    ]);
    const counts = counted.get(scope.townshipId)?.get(0) ?? new Map<string, number | null>();
    return metrics.map((metric) => recordedValueOf(metric, counts));
  }
}
