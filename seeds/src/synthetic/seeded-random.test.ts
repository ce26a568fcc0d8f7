import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from './seeded-random.js';

describe('SeededRandom', () => {
  it('is deterministic per seed string and independent between seeds', () => {
    const draw = (seed: string) => {
      const rng = new SeededRandom(seed);
      return Array.from({ length: 10 }, () => rng.int(1, 100));
    };
    expect(draw('qunli:deputies')).toEqual(draw('qunli:deputies'));
    expect(draw('qunli:deputies')).not.toEqual(draw('simeng:deputies'));
  });

  it('keeps int, dateBetween and sample inside their bounds', () => {
    const rng = new SeededRandom('bounds');
    for (let i = 0; i < 500; i++) {
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      const d = rng.dateBetween('2021-02-27', '2021-03-02');
      expect(d >= '2021-02-27' && d <= '2021-03-02').toBe(true);
    }
    const sample = rng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    expect(rng.sample([1, 2], 5).sort()).toEqual([1, 2]);
    expect(rng.digits(8)).toMatch(/^\d{8}$/);
  });

  it('shuffles without losing or duplicating items', () => {
    const rng = new SeededRandom('shuffle');
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect(rng.shuffle(items).sort((a, b) => a - b)).toEqual(items);
  });

  it('rejects an empty pick and an inverted date range', () => {
    const rng = new SeededRandom('errors');
    expect(() => rng.pick([])).toThrow();
    expect(() => rng.dateBetween('2021-03-02', '2021-03-01')).toThrow();
  });
});
