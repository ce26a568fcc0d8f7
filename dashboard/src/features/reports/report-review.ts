import type { FigureQualifier, MetricKind } from '../../graphql/generated/schema-enums';

export interface ReviewValue {
  metricKey: string;
  recordedValue: number | null;
  reportedValue: number | null;
  qualifier: FigureQualifier;
  overrideReason: string | null;
}

export interface ComparedValue {
  metricKey: string;
  reportedValue: number | null;
  qualifier: FigureQualifier;
}

export interface ReviewMetric {
  key: string;
  nameZh: string;
  nameEn: string;
  kind: MetricKind;
  unit: string;
}

export interface ReviewRow {
  metricKey: string;
  metric: ReviewMetric | null;
  reported: number | null;
  qualifier: FigureQualifier;
  counted: number | null;
  /** The submitted value differs from the one counted from records (unknown ≠ a number). */
  overridden: boolean;
  reason: string | null;
  previousQuarter: ComparedValue | null;
  previousRevision: ComparedValue | null;
}

/**
 * One row per metric of the submitted report, in the catalogue's order (unknown metrics last): the
 * value, the count from records, whether it was overridden and why, and the same metric in the previous
 * quarter's report and the previous revision.
 */
export function reviewRows(
  values: readonly ReviewValue[],
  metrics: readonly ReviewMetric[],
  previousQuarter: readonly ComparedValue[] | null,
  previousRevision: readonly ComparedValue[] | null,
): ReviewRow[] {
  const order = new Map(metrics.map((m, i) => [m.key, i]));
  const byKey = (list: readonly ComparedValue[] | null) => new Map((list ?? []).map((v) => [v.metricKey, v]));
  const quarter = byKey(previousQuarter);
  const revision = byKey(previousRevision);
  const metricByKey = new Map(metrics.map((m) => [m.key, m]));
  return [...values]
    .sort(
      (a, b) =>
        (order.get(a.metricKey) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.metricKey) ?? Number.MAX_SAFE_INTEGER) ||
        a.metricKey.localeCompare(b.metricKey),
    )
    .map((v) => ({
      metricKey: v.metricKey,
      metric: metricByKey.get(v.metricKey) ?? null,
      reported: v.reportedValue,
      qualifier: v.qualifier,
      counted: v.recordedValue,
      overridden: v.reportedValue !== v.recordedValue,
      reason: v.overrideReason,
      previousQuarter: quarter.get(v.metricKey) ?? null,
      previousRevision: revision.get(v.metricKey) ?? null,
    }));
}

/** The quarter before (Q1's is the previous year's Q4). */
export function previousQuarterOf(year: number, quarter: number): { year: number; quarter: number } {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}
