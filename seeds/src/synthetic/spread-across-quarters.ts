import type { SeededRandom } from './seeded-random.js';

export type QuarterValues = [number, number, number, number];

/**
 * Splits a whole number into four non-negative whole numbers that add up to it exactly: random weights,
 * floored shares, then the leftover units to the largest fractional parts (largest-remainder method).
 */
export function spreadAcrossQuarters(total: number, rng: SeededRandom): QuarterValues {
  if (!Number.isInteger(total) || total < 0) throw new Error(`spreadAcrossQuarters: ${total} is not a count`);
  const weights = [0, 1, 2, 3].map(() => 0.5 + rng.float());
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const exact = weights.map((w) => (total * w) / weightSum);
  const values = exact.map(Math.floor) as QuarterValues;
  let leftover = total - values.reduce((sum, v) => sum + v, 0);
  const order = [0, 1, 2, 3].sort((a, b) => ((exact[b] as number) % 1) - ((exact[a] as number) % 1) || a - b);
  for (const index of order) {
    if (leftover <= 0) break;
    values[index] = (values[index] as number) + 1;
    leftover--;
  }
  return values;
}
