import { describe, expect, it } from '@jest/globals';
import { mulberry32 } from './mulberry32.js';

describe('mulberry32', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).toEqual(first);
  });

  it('gives different sequences for different seeds, all in [0, 1)', () => {
    const a = Array.from({ length: 1000 }, mulberry32(1));
    const b = Array.from({ length: 1000 }, mulberry32(2));
    expect(a).not.toEqual(b);
    for (const x of [...a, ...b]) expect(x >= 0 && x < 1).toBe(true);
    const mean = a.reduce((sum, x) => sum + x, 0) / a.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});
