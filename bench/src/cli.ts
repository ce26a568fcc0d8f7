import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findRepoRoot } from '@renda/server/dist/config/app-config.js';
import { SCALE_TIERS, isScaleTierName } from '@renda/seeds/dist/scale/scale-tiers.js';
import { openBenchDatabase, resetOpenQuarter } from './bench-database.js';
import { canonical, compareCanonical, type Canonical, type Comparison } from './check.js';
import { startContender, type Contender } from './contender.js';
import { measureWorkload, type Workload } from './measure.js';
import { documentDepth, readDashboardDocuments } from './pages/dashboard-documents.js';
import { pageFacts } from './pages/page-check.js';
import { PAGE_OPERATIONS, pageOperation } from './pages/page-operations.js';
import { preparePageWorkload, type PageWorkload } from './pages/page-requests.js';
import { runQuarterClose, type QuarterCloseResult } from './quarter-close.js';
import { formatPageTable, formatTable, type SystemMeasurement } from './report.js';
import { prepareRequests, send, type PreparedRequest } from './requests.js';
import { perRequest, readStatements, resetStatements, waitForQuiet, type StatementCounts } from './statements.js';
import { GRAPHQL_DOCUMENTS, type SystemName } from './workloads.js';

const SYSTEMS: readonly SystemName[] = ['renda', 'postgraphile', 'floor'];
const POOL_MAX = 10;

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
    'result-cache': { type: 'boolean', default: false },
    target: { type: 'string', default: 'single' },
    workers: { type: 'string', default: '2' },
    shards: { type: 'string', default: '32' },
    answers: { type: 'string' },
    systems: { type: 'string', default: SYSTEMS.join(',') },
  },
});

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<number> {
  if (!isScaleTierName(args.tier)) throw new Error(`--tier must be county, province or national`);
  const tier = SCALE_TIERS[args.tier];
  const named = args.workloads.split(',').map((w) => w.trim());
  // `pages` is every page-load operation; an operation's own name picks it alone.
  const pageNames = named.flatMap((w) =>
    w === 'pages' ? PAGE_OPERATIONS.map((op) => op.name) : w.startsWith('B') ? [] : [w],
  );
  for (const name of pageNames) pageOperation(name);
  const workloads = named.filter((w) => /^B[1-3]$/.test(w));
  // --systems renda: the API alone (with --answers, its answers are still checked against another run's).
  const systems = SYSTEMS.filter((s) => args.systems.split(',').includes(s));
  if (!systems.includes('renda')) throw new Error('--systems must include renda');
  const seconds = Number(args.seconds);
  const connections = Number(args.connections);
  const apiProcesses = Number(args['api-processes']);
  const closeConcurrency = Number(args['close-concurrency']);
  if (!Number.isInteger(apiProcesses) || apiProcesses < 1) throw new Error('--api-processes must be 1 or more');
  if (!Number.isInteger(closeConcurrency) || closeConcurrency < 1)
    throw new Error('--close-concurrency must be 1 or more');
  if (args.target !== 'single' && args.target !== 'citus') throw new Error('--target must be single or citus');
  const citus =
    args.target === 'citus' ? { workers: Number(args.workers), shardCount: Number(args.shards) } : undefined;
  const database = await openBenchDatabase({
    tier,
    reload: args.reload,
    ...(citus ? { citus } : {}),
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
    const spec = {
      appUrl: database.appUrl,
      ownerUrl: database.ownerUrl,
      jwtSecret,
      poolMax: POOL_MAX,
      resultCache: args['result-cache'],
      shareSettings: citus !== undefined,
    };
    log(`renda's result cache: ${args['result-cache'] ? 'on (repeated requests are hits)' : 'off'}`);
    // PostGraphile and the floor only answer B1 and B2: a B3-only run leaves the cores to the API.
    const needed =
      workloads.some((w) => w === 'B1' || w === 'B2') || pageNames.length > 0 ? systems : (['renda'] as const);
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
    const all: Workload[] = [];
    for (const workload of readWorkloads) {
      const requests = new Map<SystemName, PreparedRequest[]>();
      for (const system of systems) requests.set(system, await prepareRequests(tier, system, workload, jwtSecret));
      const depth = documentDepth(GRAPHQL_DOCUMENTS.renda[workload]);
      all.push({ name: workload, systems, requests, depth, note: null });
    }
    const pageWorkloads: PageWorkload[] = [];
    if (pageNames.length > 0) {
      const documents = readDashboardDocuments();
      for (const name of pageNames) {
        const page = await preparePageWorkload(tier, name, documents, jwtSecret);
        pageWorkloads.push({ ...page, systems: page.systems.filter((s) => systems.includes(s)) });
      }
    }

    // Correctness first: the systems must answer the same before their speed means anything.
    const checks: Record<string, Comparison> = {};
    const answersPath = args.answers ? resolve(process.env['INIT_CWD'] ?? process.cwd(), args.answers) : null;
    const recordedAnswers: Record<string, Canonical> =
      answersPath && existsSync(answersPath)
        ? (JSON.parse(readFileSync(answersPath, 'utf8')) as Record<string, Canonical>)
        : {};
    // On a Citus cluster a contender's statement may be one Citus cannot run (e.g. PostGraphile's outer
    // joins under a policy's constant qual on PostgreSQL 15): that system is left out of the workload,
    // recorded here and in the table's note, instead of ending the run. On one server every answer counts.
    const refused: Record<string, string> = {};
    const check = async (
      name: string,
      workload: Workload,
      reduce: (system: SystemName, response: unknown) => Canonical,
    ): Promise<Workload> => {
      const first = (system: SystemName) => workload.requests.get(system)![0]!;
      const ours = reduce('renda', await send(bySystem.get('renda')!.url, first('renda')));
      // --answers FILE: the API's answers of another run (e.g. one server) to compare this run's with
      // (e.g. the cluster's), where no other contender answers there; written when the file is absent.
      if (answersPath) {
        const recorded = recordedAnswers[name];
        if (recorded) {
          const comparison = compareCanonical(ours, recorded);
          checks[`${name} renda=recorded`] = comparison;
          log(
            `check ${name} renda vs recorded answer: ${comparison.equal ? 'same' : 'DIFFERENT'} (${comparison.detail})`,
          );
        } else recordedAnswers[name] = ours;
      }
      const answered: SystemName[] = ['renda'];
      for (const other of workload.systems.filter((s) => s !== 'renda')) {
        let response: unknown;
        try {
          response = await send(bySystem.get(other)!.url, first(other));
        } catch (error) {
          if (!citus) throw error;
          refused[`${name} ${other}`] = error instanceof Error ? error.message.slice(0, 300) : String(error);
          log(`check ${name} ${other}: REFUSED on the cluster, left out (${refused[`${name} ${other}`]})`);
          continue;
        }
        const comparison = compareCanonical(ours, reduce(other, response));
        checks[`${name} renda=${other}`] = comparison;
        answered.push(other);
        log(`check ${name} renda vs ${other}: ${comparison.equal ? 'same' : 'DIFFERENT'} (${comparison.detail})`);
      }
      if (answered.length === workload.systems.length) return workload;
      const note = `${workload.systems.filter((s) => !answered.includes(s)).join(', ')} refused on the cluster`;
      return { ...workload, systems: answered, note: workload.note ? `${workload.note}; ${note}` : note };
    };
    for (const [i, workload] of all.entries()) {
      all[i] = await check(workload.name, workload, (system, response) =>
        canonical(workload.name as 'B1' | 'B2', system, response),
      );
    }
    for (const [i, page] of pageWorkloads.entries()) {
      // The API must answer without errors even where nobody else answers (send throws on GraphQL errors).
      const checked = await check(page.name, page, (system, response) => pageFacts(page.name, system, response));
      pageWorkloads[i] = { ...page, systems: [...checked.systems] };
    }
    if (answersPath) writeFileSync(answersPath, JSON.stringify(recordedAnswers));
    if (args['check-only']) {
      process.stdout.write(JSON.stringify({ tier: tier.name, checks, refused }) + '\n');
      return Object.values(checks).every((c) => c.equal) ? 0 : 1;
    }

    const measure = {
      bySystem,
      superuserUrl: database.superuserUrl,
      seconds,
      warmup: Number(args.warmup),
      rounds: Number(args.rounds),
      connections,
      log,
    };
    const rows: SystemMeasurement[] = [];
    for (const workload of all) rows.push(...(await measureWorkload(workload, { ...measure, fixedRate: true })));
    const pageRows: SystemMeasurement[] = [];
    // Page-load operations: throughput and statements; no fixed-rate run (about 20 operations × 3 systems).
    for (const page of pageWorkloads) {
      const measured = await measureWorkload(page, { ...measure, fixedRate: false });
      pageRows.push(...measured);
      // Each operation's rows as soon as they are measured: a long run stopped early keeps what it had.
      log(`rows ${JSON.stringify(measured)}`);
    }

    let quarterClose: QuarterCloseResult | null = null;
    let closeStatements: StatementCounts | null = null;
    if (workloads.includes('B3')) {
      await resetOpenQuarter(database.superuserUrl);
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
      await resetOpenQuarter(database.superuserUrl);
    }

    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    let out = `\nRenda bench, tier ${tier.name} (${tier.townships} townships, ${tier.counties} counties), ${new Date().toISOString()}\n`;
    out += citus
      ? `Citus 12.1 on PostgreSQL 15: a coordinator and ${citus.workers} worker(s), ${citus.shardCount} shards; load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}\n`
      : '';
    for (const [what, why] of Object.entries(refused)) out += `refused on the cluster: ${what}: ${why}\n`;
    out += `${machine}; ${connections} connections, ${seconds} s × ${args.rounds} rounds, pool ${POOL_MAX}; `;
    out += `renda's result cache ${args['result-cache'] ? 'on' : 'off'}\n\n`;
    if (rows.length > 0) out += formatTable(rows);
    if (pageRows.length > 0) {
      out += `\nPage-load operations (load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})\n\n`;
      out += formatPageTable(pageRows, new Map(pageWorkloads.map((p) => [p.name, p.page])));
    }
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
      JSON.stringify(
        {
          tier,
          machine,
          date: new Date().toISOString(),
          loadAverage: loadavg(),
          resultCache: args['result-cache'],
          target: citus ? { citus } : 'single',
          checks,
          refused,
          rows,
          pageRows,
          quarterClose,
        },
        null,
        2,
      ),
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
