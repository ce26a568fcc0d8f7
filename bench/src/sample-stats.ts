export interface Stats {
  runs: number;
  median: number;
  /** Nearest-rank 90th percentile: with 10 runs or fewer, the slowest run. */
  p90: number;
  min: number;
  max: number;
}

/** Median, nearest-rank p90, min and max of a sample (milliseconds, bytes, requests per second). */
export function sampleStats(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error('no values to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    runs: sorted.length,
    median,
    p90: sorted[Math.ceil(0.9 * sorted.length) - 1]!,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}
