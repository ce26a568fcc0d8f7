import type { IsoDate } from '../seed-dataset.js';
import { addDays } from '../dates/add-days.js';
import { daysBetween } from '../dates/days-between.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * A random day inside slice `index` of `count` equal slices of [from, to]: spreads generated rows over
 * the window instead of letting them clump, and yields them already in date order.
 */
export function stratifiedDate(rng: SeededRandom, from: IsoDate, to: IsoDate, index: number, count: number): IsoDate {
  const span = daysBetween(from, to) + 1;
  const start = Math.floor((span * index) / count);
  const end = Math.max(start, Math.floor((span * (index + 1)) / count) - 1);
  return addDays(from, rng.int(start, end));
}
