import autocannon from 'autocannon';
import type { PreparedRequest } from './requests.js';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  completed: number;
  failed: number;
  /** The run's length on our own clock, in ms (counted runs). */
  elapsedMs: number;
}

export interface LoadOptions {
  url: string;
  requests: PreparedRequest[];
  seconds: number;
  /** Send exactly this many requests instead of running for `seconds` (throughput = amount / elapsed). */
  amount?: number;
  connections: number;
  /** Fixed request rate (all connections together); omitted: as fast as the server answers. */
  rate?: number;
}

/**
 * Answers per second of a counted batch, on the harness's own clock: from the start to the last answer.
 * autocannon's `duration` is counted in whole sample intervals (one second by default), and a counted
 * run only notices it is done at the next interval: a batch whose last answer came at 1.37 s ended at
 * 2 s. So 100.000, 88.750 and 8.000 req/s recurred exactly and moved a system by 20–33 %. The batch
 * calls `answered` on every response; the time of the last call ends the run.
 */
export async function timeBatch<T extends { completed: number }>(
  batch: (answered: () => void) => Promise<T>,
  now: () => number = () => performance.now(),
): Promise<T & { elapsedMs: number; requestsPerSecond: number }> {
  const started = now();
  let last: number | null = null;
  const result = await batch(() => {
    last = now();
  });
  const elapsedMs = (last ?? now()) - started;
  if (!(elapsedMs > 0)) throw new Error('a counted batch took no time: the clock did not move');
  return { ...result, elapsedMs, requestsPerSecond: (result.completed * 1000) / elapsedMs };
}

/**
 * How many requests a counted run sends so that one request (its latency when sent alone) is under 1 %
 * of the run, and the run lasts at least `seconds`. Requests overlap up to the number of cores (or
 * connections, if fewer), so that many run side by side; at least three per connection.
 */
export function countedAmount(options: {
  sequentialMs: number;
  seconds: number;
  connections: number;
  parallelism: number;
}): number {
  const { sequentialMs, seconds, connections, parallelism } = options;
  // 120 requests' time, not 100: a request is then under 1 % with a margin for runs that overlap better.
  const runMs = Math.max(seconds * 1000, 120 * sequentialMs);
  const overlap = Math.max(1, Math.min(parallelism, connections));
  return Math.max(3 * connections, Math.ceil((runMs * overlap) / sequentialMs));
}

/**
 * A timed run counts only the answers that arrive before it ends: a contender that needs longer than
 * the run for one round of concurrent requests would score 0. A counted run (`amount`) waits for every
 * answer, so the slowest contender is measured too, and is timed by `timeBatch`.
 *
 * autocannon in this (the orchestrator's) process; the contenders run in their own. Each request takes
 * the next prepared variant, so identities and variables vary between requests.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const timed = await timeBatch(
    (answered) =>
      new Promise<{ result: autocannon.Result; completed: number }>((resolve, reject) => {
        const instance = autocannon(
          {
            url: options.url,
            connections: options.connections,
            // A counted run notices it is done only at a sample tick: 100 ms, not 1 s, of waiting.
            ...(options.amount ? { amount: options.amount, sampleInt: 100 } : { duration: options.seconds }),
            // A slow contender's answers still count (autocannon's default gives up after 10 s).
            timeout: 60,
            ...(options.rate ? { overallRate: options.rate } : {}),
            requests: [
              {
                method: 'POST',
                setupRequest: (request) => {
                  const variant = options.requests[next++ % options.requests.length]!;
                  return { ...request, method: 'POST', headers: variant.headers, body: variant.body };
                },
              },
            ],
          },
          (error, result) => (error ? reject(error) : resolve({ result, completed: result['2xx'] })),
        );
        instance.on('response', answered);
      }),
  );
  const { result } = timed;
  return {
    // A timed run (fixed rate) reports its own rate; only counted runs are scored by throughput.
    requestsPerSecond: options.amount ? timed.requestsPerSecond : timed.completed / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    completed: timed.completed,
    failed: result.non2xx + result.errors + result.timeouts,
    elapsedMs: timed.elapsedMs,
  };
}
