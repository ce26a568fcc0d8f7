import { describe, expect, it } from '@jest/globals';
import { sampleStats } from './sample-stats.js';

describe('sampleStats', () => {
  it('gives the median and the nearest-rank p90 of unsorted runs', () => {
    const runs = [900, 100, 800, 200, 700, 300, 600, 400, 500, 1000, 1100];
    expect(sampleStats(runs)).toEqual({ runs: 11, median: 600, p90: 1000, min: 100, max: 1100 });
  });

  it('averages the middle pair of an even sample; p90 of 7 runs is the slowest', () => {
    expect(sampleStats([4, 1, 3, 2]).median).toBe(2.5);
    expect(sampleStats([1, 2, 3, 4, 5, 6, 7]).p90).toBe(7);
  });

  it('refuses an empty sample', () => {
    expect(() => sampleStats([])).toThrow('no values');
  });
});
