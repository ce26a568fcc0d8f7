import { cpus } from 'node:os';
import type { Contender } from './contender.js';
import { countedAmount, runLoad } from './load.js';
import type { SystemMeasurement } from './report.js';
import { send, type PreparedRequest } from './requests.js';
import { sampleStats } from './sample-stats.js';
import { countStatements, resetStatements, waitForQuiet } from './statements.js';
import type { SystemName } from './workloads.js';

/** Sequential requests per system: statements per request and the latency that sizes counted runs. */
const STATEMENT_SAMPLE = 20;

export interface Workload {
  name: string;
  systems: readonly SystemName[];
  requests: Map<SystemName, PreparedRequest[]>;
  /** Nesting depth of the API's document; null where not reported. */
  depth: number | null;
  note: string | null;
}

export interface MeasureOptions {
  bySystem: Map<SystemName, Contender>;
  superuserUrl: string;
  seconds: number;
  warmup: number;
  rounds: number;
  connections: number;
  /** Also a run at a fixed rate (half the slowest system's throughput), for latency without queueing. */
  fixedRate: boolean;
  log: (line: string) => void;
}

const median = (xs: number[]) => sampleStats(xs).median;

/**
 * One workload on every system that answers it: warm-up, statements (20 sequential requests), then
 * `rounds` counted runs interleaving the systems, each sized so one request is under 1 % of it and
 * timed on the harness's own clock (load.ts), then the fixed-rate run and memory.
 */
export async function measureWorkload(workload: Workload, options: MeasureOptions): Promise<SystemMeasurement[]> {
  const { bySystem, superuserUrl, connections, seconds, log } = options;
  const measured = new Map<SystemName, SystemMeasurement>();
  const amounts = new Map<SystemName, number>();
  for (const system of workload.systems) {
    const contender = bySystem.get(system)!;
    const variants = workload.requests.get(system)!;
    log(`${workload.name} ${system}: warm-up ${options.warmup} s`);
    await runLoad({ url: contender.url, requests: variants, seconds: options.warmup, connections });
    await waitForQuiet(superuserUrl);
    await resetStatements(superuserUrl);
    let sequential: number[] = [];
    const statements = await countStatements(superuserUrl, STATEMENT_SAMPLE, async () => {
      sequential = [];
      for (let i = 0; i < STATEMENT_SAMPLE; i++) {
        const started = performance.now();
        await send(contender.url, variants[i % variants.length]!);
        sequential.push(performance.now() - started);
      }
    });
    const sequentialMs = median(sequential);
    amounts.set(system, countedAmount({ sequentialMs, seconds, connections, parallelism: cpus().length }));
    measured.set(system, {
      workload: workload.name,
      system,
      requestsPerSecond: 0,
      rounds: [],
      quantisedRounds: [],
      p50Rounds: [],
      p99Rounds: [],
      p50: 0,
      p99: 0,
      sequentialMs,
      requestShare: 0,
      fixedRate: 0,
      fixedP50: 0,
      fixedP99: 0,
      statements,
      depth: workload.depth,
      note: workload.note,
      rssMiB: 0,
      peakMiB: 0,
      failed: 0,
    });
  }
  // Rounds interleave the systems, so drift in the machine's load (other jobs) hits all of them.
  for (let round = 0; round < options.rounds; round++) {
    for (const system of workload.systems) {
      await waitForQuiet(superuserUrl);
      const result = await runLoad({
        url: bySystem.get(system)!.url,
        requests: workload.requests.get(system)!,
        seconds,
        amount: amounts.get(system)!,
        connections,
      });
      const m = measured.get(system)!;
      m.rounds.push(result.requestsPerSecond);
      // What the harness reported before it timed runs itself: autocannon's duration, the sample tick
      // (whole seconds) after the last answer. Kept to show how far the old figures were off.
      m.quantisedRounds.push(result.completed / Math.ceil(result.elapsedMs / 1000));
      m.p50Rounds.push(result.p50);
      m.p99Rounds.push(result.p99);
      const share = m.sequentialMs / result.elapsedMs;
      m.requestShare = Math.max(m.requestShare, share);
      // Requests overlapped better than the cores suggested: the next rounds grow so one request is
      // again under 1 % of the run (120 requests' time, as countedAmount sizes the first).
      if (share > 1 / 120) amounts.set(system, Math.ceil(amounts.get(system)! * share * 120));
      m.failed += result.failed;
      log(
        `${workload.name} ${system} round ${round + 1}: ${result.completed} in ${(result.elapsedMs / 1000).toFixed(2)} s, ` +
          `${result.requestsPerSecond.toFixed(2)} req/s, p50 ${result.p50} ms`,
      );
    }
  }
  const rows: SystemMeasurement[] = [];
  const fixedRate = Math.max(1, Math.floor(Math.min(...[...measured.values()].map((m) => median(m.rounds))) / 2));
  for (const system of workload.systems) {
    const m = measured.get(system)!;
    Object.assign(m, { requestsPerSecond: median(m.rounds), p50: median(m.p50Rounds), p99: median(m.p99Rounds) });
    if (options.fixedRate) {
      // Half the slowest system's throughput: every system can sustain it, so latency is not queueing.
      await waitForQuiet(superuserUrl);
      const result = await runLoad({
        url: bySystem.get(system)!.url,
        requests: workload.requests.get(system)!,
        seconds,
        connections,
        rate: fixedRate,
      });
      Object.assign(m, { fixedRate, fixedP50: result.p50, fixedP99: result.p99, failed: m.failed + result.failed });
    }
    const memory = bySystem.get(system)!.memory();
    Object.assign(m, { rssMiB: memory.rssMiB, peakMiB: memory.peakMiB });
    rows.push(m);
  }
  return rows;
}
