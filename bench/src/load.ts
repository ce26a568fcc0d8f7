import autocannon from 'autocannon';
import type { PreparedRequest } from './requests.js';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  completed: number;
  failed: number;
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
 * A timed run counts only the answers that arrive before it ends: a contender that needs longer than
 * the run for one round of concurrent requests would score 0. A counted run (`amount`) waits for every
 * answer, so the slowest contender is measured too.
 *
 * autocannon in this (the orchestrator's) process; the contenders run in their own. Each request takes
 * the next prepared variant, so identities and variables vary between requests.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
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
  });
  const completed = result['2xx'];
  return {
    requestsPerSecond: completed / (result.duration || options.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    completed,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}
