import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from './seeded-random.js';
import { spreadAcrossQuarters } from './spread-across-quarters.js';

describe('spreadAcrossQuarters', () => {
  it.each([0, 1, 2, 3, 4, 7, 23, 30, 38590])('splits %d into four whole parts that add up exactly', (total) => {
    const rng = new SeededRandom(`spread-${total}`);
    for (let i = 0; i < 20; i++) {
      const parts = spreadAcrossQuarters(total, rng);
      expect(parts).toHaveLength(4);
      for (const p of parts) expect(Number.isInteger(p) && p >= 0).toBe(true);
      expect(parts.reduce((sum, p) => sum + p, 0)).toBe(total);
    }
  });

  it('rejects what is not a count', () => {
    expect(() => spreadAcrossQuarters(-1, new SeededRandom('x'))).toThrow();
    expect(() => spreadAcrossQuarters(1.5, new SeededRandom('x'))).toThrow();
  });
});
