import { describe, expect, it } from '@jest/globals';
import { computePipeline, type SuggestionForPipeline } from './suggestion-pipeline';

const s = (state: SuggestionForPipeline['state'], outcomeClass: SuggestionForPipeline['outcomeClass'] = null) => ({
  state,
  outcomeClass,
});

describe('computePipeline', () => {
  it('counts the funnel as "reached at least this stage"', () => {
    const p = computePipeline([s('SUBMITTED'), s('ASSIGNED'), s('REPLIED'), s('COMPLETED', 'A'), s('RETURNED')]);
    expect(p.funnel).toEqual([
      { stage: 'SUBMITTED', count: 5 },
      { stage: 'ASSIGNED', count: 3 },
      { stage: 'IN_PROGRESS', count: 2 },
      { stage: 'REPLIED', count: 2 },
      { stage: 'COMPLETED', count: 1 },
    ]);
    expect(p.returned).toBe(1);
    expect(p.completionRate).toBe(20);
  });

  it('gives 100% when all eleven are completed (思蒙镇) and the outcome classes', () => {
    const list = [...Array.from({ length: 9 }, () => s('COMPLETED', 'A')), s('COMPLETED', 'B'), s('COMPLETED', 'C')];
    const p = computePipeline(list);
    expect(p.total).toBe(11);
    expect(p.completionRate).toBe(100);
    expect(p.outcomes).toEqual([
      { outcomeClass: 'A', count: 9 },
      { outcomeClass: 'B', count: 1 },
      { outcomeClass: 'C', count: 1 },
      { outcomeClass: 'D', count: 0 },
    ]);
  });

  it('shows suggestions without a class, and an unknown rate for none', () => {
    expect(computePipeline([s('IN_PROGRESS')]).outcomes.at(-1)).toEqual({ outcomeClass: 'NONE', count: 1 });
    expect(computePipeline([]).completionRate).toBeNull();
  });
});
