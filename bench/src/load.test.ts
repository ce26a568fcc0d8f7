import { describe, expect, it } from '@jest/globals';
import { countedAmount, timeBatch } from './load.js';

/** A clock that reads the given instants, one per call (ms). */
const clock = (...instants: number[]) => {
  let i = 0;
  return () => instants[Math.min(i++, instants.length - 1)]!;
};

describe('timeBatch', () => {
  it('ends the run at the last answer, not at the next whole second', async () => {
    // Started at 5 s; answers at 5.6 s and 6.37 s; autocannon noticed it was done at its 7 s tick.
    const timed = await timeBatch(
      async (answered) => {
        answered();
        answered();
        return { completed: 137 };
      },
      clock(5_000, 5_600, 6_370, 7_000),
    );
    expect(timed.elapsedMs).toBe(1_370);
    // 137 answers in 1.37 s: 100/s exactly; the whole-second duration gave 68.5 (2 s).
    expect(timed.requestsPerSecond).toBeCloseTo(100, 10);
    const odd = await timeBatch(
      async (answered) => {
        answered();
        return { completed: 71 };
      },
      clock(0, 8_123.4, 9_000),
    );
    expect(odd.requestsPerSecond).toBeCloseTo(71 / 8.1234, 10);
  });

  it('keeps what the batch returned, falls back to its end without answers, refuses a clock that did not move', async () => {
    const timed = await timeBatch(async () => ({ completed: 0, label: 'x' }), clock(10, 11.5));
    expect(timed).toMatchObject({ label: 'x', elapsedMs: 1.5 });
    await expect(timeBatch(async () => ({ completed: 3 }), clock(10, 10))).rejects.toThrow('no time');
  });
});

describe('countedAmount', () => {
  it('makes one request under 1 % of the run for a slow operation', () => {
    // 250 ms alone: the run must last over 25 s (30 s with the margin); two cores answer two at a time.
    const amount = countedAmount({ sequentialMs: 250, seconds: 5, connections: 8, parallelism: 2 });
    expect(amount).toBe(240);
    expect(250 / ((amount * 250) / 2)).toBeLessThan(0.01);
  });

  it('lasts at least the asked seconds for a fast one, and sends three per connection', () => {
    expect(countedAmount({ sequentialMs: 10, seconds: 5, connections: 8, parallelism: 2 })).toBe(1_000);
    expect(countedAmount({ sequentialMs: 10_000, seconds: 1, connections: 8, parallelism: 2 })).toBe(240);
    expect(countedAmount({ sequentialMs: 5_000, seconds: 1, connections: 200, parallelism: 2 })).toBe(600);
  });
});
