import type { EntityManager } from '@mikro-orm/postgresql';
import { MetricDefinition } from './metric-definition.entity.js';
import { MetricKind } from './metric-kind.enum.js';
import { HIDDEN_RATE_PARTS, RECORDED_METRIC_SQL } from './recorded-metric-sql.js';

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

/** Counts every catalog metric from a township's records for a date range, in one SQL statement. */
export class RecordedMetricsService {
  constructor(private readonly em: EntityManager) {}

  async compute(townshipId: string, from: string, to: string): Promise<RecordedValue[]> {
    const catalog = await this.em.find(MetricDefinition, {}, { orderBy: { key: 'asc' } });
    const keys = Object.keys(RECORDED_METRIC_SQL);
    const columns = keys.map((key) => `${RECORDED_METRIC_SQL[key]!.sql} as "${key}"`).join(',\n');
    const [row] = await this.em.execute<Record<string, string | number | null>[]>(
      `with p as (select ?::uuid as township, ?::date as date_from, ?::date as date_to) select ${columns} from p`,
      [townshipId, from, to],
    );
    const counts = new Map(
      keys.map((key) => [key, row?.[key] === null || row?.[key] === undefined ? null : Number(row[key])]),
    );
    return catalog.map((metric) => {
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
          : this.notRecorded(metric.key);
      }
      const [numKey, denKey] = HIDDEN_RATE_PARTS[metric.key] ?? [metric.numeratorKey, metric.denominatorKey];
      if (!numKey || !denKey || !RECORDED_METRIC_SQL[numKey] || !RECORDED_METRIC_SQL[denKey])
        return this.notRecorded(metric.key);
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
    });
  }

  private notRecorded(metricKey: string): RecordedValue {
    return {
      metricKey,
      value: null,
      numerator: null,
      denominator: null,
      derivationZh: '不由记录统计，由乡镇填报',
      derivationEn: 'not counted from records; entered by the township',
    };
  }
}
