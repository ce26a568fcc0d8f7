import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from './seeded-random.js';
import { stratifiedDate } from './stratified-date.js';

describe('stratifiedDate', () => {
  it('keeps each row in its own slice, so rows come out spread and in order', () => {
    const rng = new SeededRandom('slices');
    const dates = Array.from({ length: 4 }, (_, i) => stratifiedDate(rng, '2021-01-01', '2021-12-31', i, 4));
    expect([...dates].sort()).toEqual(dates);
    expect(dates.map((d) => Math.ceil(Number(d.slice(5, 7)) / 3))).toEqual([1, 2, 3, 4]);
  });

  it('stays inside a window shorter than the number of rows', () => {
    const rng = new SeededRandom('narrow');
    for (let i = 0; i < 5; i++) {
      const d = stratifiedDate(rng, '2021-08-30', '2021-09-01', i, 5);
      expect(d >= '2021-08-30' && d <= '2021-09-01').toBe(true);
    }
  });
});
