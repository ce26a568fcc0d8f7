import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findRepoRoot } from '@renda/server/dist/config/app-config.js';
import { SCALE_TIERS, isScaleTierName } from '@renda/seeds/dist/scale/scale-tiers.js';
import { openBenchDatabase, resetOpenQuarter } from './bench-database.js';
import { canonical, compareCanonical, type Comparison } from './check.js';
import { startContender, type Contender } from './contender.js';
import { runLoad } from './load.js';
import { runQuarterClose, type QuarterCloseResult } from './quarter-close.js';
import { formatTable, type SystemMeasurement } from './report.js';
import { prepareRequests, send, type PreparedRequest } from './requests.js';
import { perRequest, readStatements, resetStatements, waitForQuiet, type StatementCounts } from './statements.js';
import type { SystemName } from './workloads.js';
import { sampleStats } from './sample-stats.js';

const SYSTEMS: readonly SystemName[] = ['renda', 'postgraphile', 'floor'];
const POOL_MAX = 10;
const STATEMENT_SAMPLE = 20;

const { values: args } = parseArgs({
  options: {
    tier: { type: 'string', default: 'county' },
    workloads: { type: 'string', default: 'B1,B2,B3' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '8' },
    reload: { type: 'boolean', default: false },
    'check-only': { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
    out: { type: 'string' },
    'close-townships': { type: 'string' },
    'close-concurrency': { type: 'string', default: '10' },
    'api-processes': { type: 'string', default: '1' },
  },
});

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const median = (xs: number[]) => sampleStats(xs).median;

async function main(): Promise<number> {
  if (!isScaleTierName(args.tier)) throw new Error(`--tier must be county, province or national`);
  const tier = SCALE_TIERS[args.tier];
  const workloads = args.workloads.split(',').map((w) => w.trim());
  const seconds = Number(args.seconds);
  const connections = Number(args.connections);
  const apiProcesses = Number(args['api-processes']);
  const closeConcurrency = Number(args['close-concurrency']);
  if (!Number.isInteger(apiProcesses) || apiProcesses < 1) throw new Error('--api-processes must be 1 or more');
  if (!Number.isInteger(closeConcurrency) || closeConcurrency < 1)
    throw new Error('--close-concurrency must be 1 or more');
  const database = await openBenchDatabase({
    tier,
    reload: args.reload,
    log,
    onProgress: (p) =>
      log(
        `  ${p.table}: ${p.rows.toLocaleString('en-US')} rows, ${Math.round(p.rowsPerSecond).toLocaleString('en-US')} rows/s, ${p.seconds.toFixed(1)} s${p.done ? ' ✓' : ''}`,
      ),
  });
  const contenders: Contender[] = [];
  try {
    if (args['load-only']) return 0;
    // A fresh secret per run: tokens never outlive the benchmark.
    const jwtSecret = randomBytes(32).toString('hex');
    const spec = { appUrl: database.appUrl, ownerUrl: database.ownerUrl, jwtSecret, poolMax: POOL_MAX };
    // PostGraphile and the floor only answer B1 and B2: a B3-only run leaves the cores to the API.
    const needed = workloads.some((w) => w === 'B1' || w === 'B2') ? SYSTEMS : (['renda'] as const);
    for (const system of needed) contenders.push(await startContender({ system, ...spec }));
    const bySystem = new Map(contenders.map((c) => [c.system, c]));
    // More API processes, as the deployment runs replicas behind one Service; B1 and B2 still measure the
    // first one alone (its statements, latency and memory), only B3 spreads its clerks over all of them.
    const apiUrls = [bySystem.get('renda')!.url];
    if (workloads.includes('B3')) {
      for (let i = 1; i < apiProcesses; i++) {
        const extra = await startContender({ system: 'renda', ...spec });
        contenders.push(extra);
        apiUrls.push(extra.url);
      }
    }

    const readWorkloads = (['B1', 'B2'] as const).filter((w) => workloads.includes(w));
    const requests = new Map<string, PreparedRequest[]>();
    for (const workload of readWorkloads) {
      for (const system of SYSTEMS)
        requests.set(`${workload}/${system}`, await prepareRequests(tier, system, workload, jwtSecret));
    }

    // Correctness first: the three systems must answer the same before their speed means anything.
    const checks: Record<string, Comparison> = {};
    for (const workload of readWorkloads) {
      const answers = new Map<SystemName, ReturnType<typeof canonical>>();
      for (const system of SYSTEMS) {
        const response = await send(bySystem.get(system)!.url, requests.get(`${workload}/${system}`)![0]!);
        answers.set(system, canonical(workload, system, response));
      }
      for (const other of ['postgraphile', 'floor'] as const) {
        const comparison = compareCanonical(answers.get('renda')!, answers.get(other)!);
        checks[`${workload} renda=${other}`] = comparison;
        log(`check ${workload} renda vs ${other}: ${comparison.equal ? 'same' : 'DIFFERENT'} (${comparison.detail})`);
      }
    }
    if (args['check-only']) {
      process.stdout.write(JSON.stringify({ tier: tier.name, checks }) + '\n');
      return Object.values(checks).every((c) => c.equal) ? 0 : 1;
    }

    const rows: SystemMeasurement[] = [];
    for (const workload of readWorkloads) {
      const measured = new Map<SystemName, SystemMeasurement>();
      const amounts = new Map<SystemName, number>();
      for (const system of SYSTEMS) {
        const contender = bySystem.get(system)!;
        const variants = requests.get(`${workload}/${system}`)!;
        log(`${workload} ${system}: warm-up ${args.warmup} s`);
        await runLoad({ url: contender.url, requests: variants, seconds: Number(args.warmup), connections });
        await waitForQuiet(database.superuserUrl);
        await resetStatements(database.superuserUrl);
        const sequential: number[] = [];
        for (let i = 0; i < STATEMENT_SAMPLE; i++) {
          const started = performance.now();
          await send(contender.url, variants[i % variants.length]!);
          sequential.push(performance.now() - started);
        }
        const statements = perRequest(await readStatements(database.superuserUrl), STATEMENT_SAMPLE);
        // Enough requests for about `seconds` of one-at-a-time work, and at least three per connection.
        amounts.set(system, Math.max(3 * connections, Math.ceil((seconds * 1000) / median(sequential))));
        measured.set(system, {
          workload,
          system,
          requestsPerSecond: 0,
          rounds: [],
          p50: 0,
          p99: 0,
          fixedRate: 0,
          fixedP50: 0,
          fixedP99: 0,
          statements,
          rssMiB: 0,
          peakMiB: 0,
          failed: 0,
        });
      }
      // Rounds interleave the systems, so drift in the machine's load (other jobs) hits all of them.
      const latencies = new Map<SystemName, { p50: number[]; p99: number[] }>();
      for (let round = 0; round < Number(args.rounds); round++) {
        for (const system of SYSTEMS) {
          await waitForQuiet(database.superuserUrl);
          const result = await runLoad({
            url: bySystem.get(system)!.url,
            requests: requests.get(`${workload}/${system}`)!,
            seconds,
            amount: amounts.get(system)!,
            connections,
          });
          const m = measured.get(system)!;
          m.rounds.push(result.requestsPerSecond);
          m.failed += result.failed;
          const l = latencies.get(system) ?? { p50: [], p99: [] };
          l.p50.push(result.p50);
          l.p99.push(result.p99);
          latencies.set(system, l);
          log(
            `${workload} ${system} round ${round + 1}: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50} ms`,
          );
        }
      }
      // Half the slowest system's throughput: every system can sustain it, so latency is not queueing.
      const fixedRate = Math.max(1, Math.floor(Math.min(...[...measured.values()].map((m) => median(m.rounds))) / 2));
      for (const system of SYSTEMS) {
        const m = measured.get(system)!;
        await waitForQuiet(database.superuserUrl);
        const result = await runLoad({
          url: bySystem.get(system)!.url,
          requests: requests.get(`${workload}/${system}`)!,
          seconds,
          connections,
          rate: fixedRate,
        });
        const memory = bySystem.get(system)!.memory();
        Object.assign(m, {
          requestsPerSecond: median(m.rounds),
          p50: median(latencies.get(system)!.p50),
          p99: median(latencies.get(system)!.p99),
          fixedRate,
          fixedP50: result.p50,
          fixedP99: result.p99,
          rssMiB: memory.rssMiB,
          peakMiB: memory.peakMiB,
          failed: m.failed + result.failed,
        });
        rows.push(m);
      }
    }

    let quarterClose: QuarterCloseResult | null = null;
    let closeStatements: StatementCounts | null = null;
    if (workloads.includes('B3')) {
      await resetOpenQuarter(database.ownerUrl);
      await waitForQuiet(database.superuserUrl);
      await resetStatements(database.superuserUrl);
      log(
        `B3: ${args['close-townships'] ?? tier.townships} clerks submit ${closeConcurrency} at a time ` +
          `to ${apiUrls.length} API process(es)`,
      );
      quarterClose = await runQuarterClose({
        urls: apiUrls,
        ownerUrl: database.ownerUrl,
        tier,
        jwtSecret,
        concurrency: closeConcurrency,
        ...(args['close-townships'] ? { limit: Number(args['close-townships']) } : {}),
      });
      closeStatements = perRequest(await readStatements(database.superuserUrl), quarterClose.townships);
      await resetOpenQuarter(database.ownerUrl);
    }

    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    let out = `\nRenda bench, tier ${tier.name} (${tier.townships} townships, ${tier.counties} counties), ${new Date().toISOString()}\n`;
    out += `${machine}; ${connections} connections, ${seconds} s × ${args.rounds} rounds, pool ${POOL_MAX}\n\n`;
    out += formatTable(rows);
    if (quarterClose) {
      const q = quarterClose;
      out +=
        `\nB3 quarter close: ${q.townships} submissions in ${q.seconds.toFixed(1)} s (${q.submissionsPerSecond.toFixed(1)}/s) ` +
        `by ${q.processes} API process(es), ${q.concurrency} at a time, pool ${POOL_MAX} each; ` +
        `${q.failed} failed, ${q.retried} retried; stored ${q.reports} reports for ${q.distinctTownships} townships, ` +
        `${q.revisions} revisions: ${q.exactlyOnce ? 'exactly once' : 'NOT exactly once'}\n`;
      if (closeStatements) {
        const s = closeStatements;
        out +=
          `B3 per submission: ${s.data.toFixed(1)} data statements (+${s.begin.toFixed(0)} begin, ` +
          `${s.setConfig.toFixed(0)} set_config, ${s.commit.toFixed(0)} commit), ${s.sqlMs.toFixed(1)} ms of SQL\n`;
      }
    }
    process.stdout.write(out);
    // Raw results stay out of the repository (.data/ is ignored); bench/README.md quotes them.
    // npm runs this in bench/; a relative --out means the directory the command was typed in.
    const outPath = args.out
      ? resolve(process.env['INIT_CWD'] ?? process.cwd(), args.out)
      : join(findRepoRoot(), '.data', 'bench-results', `${tier.name}.json`);
    mkdirSync(dirname(outPath), { recursive: true });
    writeFileSync(
      outPath,
      JSON.stringify({ tier, machine, date: new Date().toISOString(), checks, rows, quarterClose }, null, 2),
    );
    const allSame = Object.values(checks).every((c) => c.equal);
    return allSame && (!quarterClose || quarterClose.exactlyOnce) ? 0 : 1;
  } finally {
    for (const contender of contenders) await contender.stop();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
