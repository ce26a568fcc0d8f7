import type { ServeSpec } from './serve.js';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
  SCALE_METRIC_KEYS,
  SCALE_QUARTERS,
  SCALE_TIERS,
  isScaleTierName,
} from '@renda/seeds/dist/scale/scale-tiers.js';
import { scaleRefs } from '@renda/seeds/dist/scale/scale-rows.js';
import { findRepoRoot } from '@renda/server/dist/config/app-config.js';
import { openBenchDatabase } from './bench-database.js';
import { mintToken, type BenchIdentity } from './identity.js';
import { readStatements, resetStatements, waitForQuiet } from './statements.js';
import { withClient } from './with-client.js';
import { delayingProxy } from './delaying-proxy.js';
import { SERVER_NODE_FLAGS } from '@renda/server/dist/server/node-flags.js';

/**
 * Issue #19 part 3's probe: each dashboard page-load operation against the real server on a loaded tier,
 * one at a time: data statements per request, sequential latency, throughput at 8 connections, and the
 * server's CPU time and GC pause time per request. Not a comparison with other systems (that
 * is the harness's job); a before/after of the read path: `--builds` names server builds (a kept-aside
 * older server/dist beside the current one), each in its own process, measured in alternating rounds so
 * the machine's drifting load hits both alike.
 *
 *   node dist/read-path-probe.js [--tier county] [--seconds 3] [--rounds 3] [--only Name,Name]
 *                                [--builds before=/path/to/old/server/dist,after=current] [--db-delay ms]
 */

interface Operation {
  name: string;
  file: string;
  role: BenchIdentity['role'];
  variables: Record<string, unknown>;
}

const argv = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : fallback;
};
const tierName = flag('tier', 'county');
if (!isScaleTierName(tierName)) throw new Error(`unknown tier ${tierName}`);
const tier = SCALE_TIERS[tierName];
const seconds = Number(flag('seconds', '3'));
const rounds = Number(flag('rounds', '3'));
const only = argv.includes('--only') ? new Set(flag('only', '').split(',')) : null;
// Milliseconds each way between the servers and PostgreSQL (delaying-proxy.ts); 0 = loopback as it is.
const dbDelayMs = Number(flag('db-delay', '0'));
const currentDist = join(findRepoRoot(), 'server', 'dist');
const builds = flag('builds', 'current=current')
  .split(',')
  .map((entry) => {
    const [name, path] = entry.split('=');
    return { name: name!, dist: !path || path === 'current' ? currentDist : path };
  });

const features = join(findRepoRoot(), 'dashboard', 'src', 'features');
function documentOf(file: string): string {
  const text = readFileSync(join(features, file), 'utf8');
  // The summaries spread a fragment kept in its own file.
  return text.includes('...SummaryFields')
    ? `${text}\n${readFileSync(join(features, 'township/operations/summary-fields.graphql'), 'utf8')}`
    : text;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

interface Stats {
  gcMs: number;
  cpuMs: number;
}

async function startServer(spec: Omit<ServeSpec, 'system'>, dist: string) {
  const serve: ServeSpec = { ...spec, system: 'renda', serverDist: dist, production: true };
  const child = fork(new URL('./serve.js', import.meta.url), [], {
    // Every build with the current build's options, so the builds differ in their code only.
    execArgv: [...process.execArgv, ...SERVER_NODE_FLAGS],
    env: { ...process.env, NODE_ENV: 'production', BENCH_SERVE: JSON.stringify(serve) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${String(code)}`)));
    child.once('message', (m) => resolve((m as { port: number }).port));
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stats: () =>
      new Promise<Stats>((resolve) => {
        child.once('message', (m) => resolve(m as Stats));
        child.send('stats');
      }),
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.send('stop');
      }),
  };
}

async function main(): Promise<void> {
  const database = await openBenchDatabase({ tier, reload: false, log: (l) => process.stderr.write(`${l}\n`) });
  try {
    const ids = await withClient(database.ownerUrl, async (c) => {
      const one = async (sql: string, params: unknown[] = []) =>
        ((await c.query<{ id: string }>(sql, params)).rows[0]?.id ?? null) as string;
      const county = scaleRefs.county(0);
      const township = scaleRefs.township(0);
      return {
        county,
        township,
        term: await one(`select id from term where township_id = $1 order by ordinal desc limit 1`, [township]),
        report: await one(
          `select id from quarterly_report where township_id = $1 order by year desc, quarter desc limit 1`,
          [township],
        ),
      };
    });
    const { year, quarter } = SCALE_QUARTERS[SCALE_QUARTERS.length - 1]!;
    const staff = { countyId: ids.county };
    const ops: Operation[] = [
      { name: 'CountyName', file: 'county/operations/county-name.graphql', role: 'COUNTY_STAFF', variables: staff },
      {
        name: 'LandingPeriods',
        file: 'county/operations/landing-periods.graphql',
        role: 'COUNTY_STAFF',
        variables: {},
      },
      {
        name: 'MetricCatalog',
        file: 'county/operations/metric-catalog.graphql',
        role: 'COUNTY_STAFF',
        variables: staff,
      },
      { name: 'TownshipList', file: 'township/operations/township-list.graphql', role: 'COUNTY_STAFF', variables: {} },
      {
        name: 'CountyHeadline',
        file: 'county/operations/county-headline.graphql',
        role: 'COUNTY_STAFF',
        variables: { ...staff, year },
      },
      {
        name: 'CompareTownships',
        file: 'county/operations/compare-townships.graphql',
        role: 'COUNTY_STAFF',
        variables: {
          ...staff,
          metricKeys: [...SCALE_METRIC_KEYS],
          periods: SCALE_QUARTERS.map((p) => ({ year: p.year, quarter: p.quarter })),
          normalize: 'NONE',
        },
      },
      {
        name: 'MetricTrend',
        file: 'county/operations/metric-trend.graphql',
        role: 'COUNTY_STAFF',
        variables: { ...staff, metricKey: SCALE_METRIC_KEYS[0], fromYear: year - 1, toYear: year, townshipId: null },
      },
      {
        name: 'ReportingStatus',
        file: 'reports/operations/reporting-status.graphql',
        role: 'COUNTY_STAFF',
        variables: { ...staff, year },
      },
      {
        name: 'ReminderStatus',
        file: 'reports/operations/reminder-status.graphql',
        role: 'COUNTY_STAFF',
        variables: { year },
      },
      {
        name: 'TownshipOverview',
        file: 'township/operations/township-overview.graphql',
        role: 'COUNTY_STAFF',
        variables: { id: ids.township },
      },
      {
        name: 'TownshipActivities',
        file: 'township/operations/township-activities.graphql',
        role: 'COUNTY_STAFF',
        variables: { townshipId: ids.township, from: `${year}-01-01`, to: `${year}-12-31` },
      },
      {
        name: 'AnnualSummary',
        file: 'township/operations/annual-summary.graphql',
        role: 'COUNTY_STAFF',
        variables: { townshipId: ids.township, year, includeSynthetic: true },
      },
      {
        name: 'TermSummary',
        file: 'township/operations/term-summary.graphql',
        role: 'COUNTY_STAFF',
        variables: { townshipId: ids.township, termId: ids.term, includeSynthetic: true },
      },
      {
        name: 'PreviousQuarterReport',
        file: 'reports/operations/previous-quarter-report.graphql',
        role: 'COUNTY_STAFF',
        variables: { townshipId: ids.township, year, quarter },
      },
      {
        name: 'QuarterlyReportHistory',
        file: 'reports/operations/quarterly-report-history.graphql',
        role: 'COUNTY_STAFF',
        variables: { id: ids.report },
      },
      {
        name: 'ClerkHome',
        file: 'clerk/operations/clerk-home.graphql',
        role: 'TOWNSHIP_CLERK',
        variables: { townshipId: ids.township, year, quarter, from: `${year}-07-01`, to: `${year}-09-30` },
      },
      {
        name: 'QuarterlyReportDraft',
        file: 'reports/operations/quarterly-report-draft.graphql',
        role: 'TOWNSHIP_CLERK',
        variables: { year, quarter },
      },
      {
        name: 'Notifications',
        file: 'notifications/operations/notifications.graphql',
        role: 'TOWNSHIP_CLERK',
        variables: { first: 20 },
      },
      { name: 'SavedQueries', file: 'explorer/operations/saved-queries.graphql', role: 'ANALYST', variables: {} },
      { name: 'DataDictionary', file: 'explorer/operations/data-dictionary.graphql', role: 'ANALYST', variables: {} },
    ];
    const jwtSecret = randomBytes(32).toString('hex');
    const tokens: Record<string, string> = {
      COUNTY_STAFF: await mintToken(jwtSecret, {
        userId: scaleRefs.staff(0),
        role: 'COUNTY_STAFF',
        countyId: ids.county,
        townshipId: null,
      }),
      ANALYST: await mintToken(jwtSecret, {
        userId: scaleRefs.analyst(0),
        role: 'ANALYST',
        countyId: ids.county,
        townshipId: null,
      }),
      TOWNSHIP_CLERK: await mintToken(jwtSecret, {
        userId: scaleRefs.clerk(0),
        role: 'TOWNSHIP_CLERK',
        countyId: ids.county,
        townshipId: ids.township,
      }),
    };
    const proxy = dbDelayMs > 0 ? await delayingProxy(database.appUrl, dbDelayMs) : null;
    const appUrl = proxy?.url ?? database.appUrl;
    const spec = { appUrl, ownerUrl: database.ownerUrl, jwtSecret, poolMax: 10 };
    const servers = [];
    for (const build of builds) servers.push({ ...build, server: await startServer(spec, build.dist) });
    const results = [];
    try {
      for (const op of ops) {
        if (only && !only.has(op.name)) continue;
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens[op.role]!}` };
        const body = JSON.stringify({ query: documentOf(op.file), variables: op.variables });
        const send = async (url: string) => {
          const response = await fetch(url, { method: 'POST', headers, body });
          const json = (await response.json()) as { errors?: unknown; data?: unknown };
          if (json.errors) throw new Error(`${op.name}: ${JSON.stringify(json.errors).slice(0, 400)}`);
          return JSON.stringify(json);
        };
        const per = servers.map((s) => ({
          ...s,
          statements: 0,
          bytes: 0,
          seq: [] as number[],
          rps: [] as number[],
          gcMs: 0,
          cpuMs: 0,
          completed: 0,
        }));
        try {
          const answers = new Set<string>();
          for (const s of per) {
            const answer = await send(s.server.url);
            answers.add(answer);
            s.bytes = answer.length;
            for (let i = 0; i < 30; i++) await send(s.server.url);
            await waitForQuiet(database.superuserUrl);
            await resetStatements(database.superuserUrl);
            const n = 10;
            for (let i = 0; i < n; i++) await send(s.server.url);
            s.statements = (await readStatements(database.superuserUrl)).data / n;
          }
          const same = answers.size === 1;
          for (let round = 0; round < rounds; round++) {
            for (const s of round % 2 ? [...per].reverse() : per) {
              for (let i = 0; i < 5; i++) {
                const start = performance.now();
                await send(s.server.url);
                s.seq.push(performance.now() - start);
              }
              const before = await s.server.stats();
              const load = await autocannon({
                url: s.server.url,
                connections: 8,
                duration: seconds,
                // Samples every 100 ms, so the rate is not rounded to whole seconds.
                sampleInt: 100,
                requests: [{ method: 'POST', headers, body }],
              });
              const after = await s.server.stats();
              s.gcMs += after.gcMs - before.gcMs;
              s.cpuMs += after.cpuMs - before.cpuMs;
              s.completed += load['2xx'];
              s.rps.push(load['2xx'] / (load.duration || seconds));
            }
          }
          for (const s of per) {
            const result = {
              op: op.name,
              build: s.name,
              statements: s.statements,
              sequentialMs: stats(s.seq),
              reqPerSec: stats(s.rps),
              // Per request: the server process's CPU time (user + system, unaffected by time spent waiting
              // for a core on a loaded machine) and its GC pauses (wall time, so inflated by such waiting).
              cpuMsPerRequest: s.completed ? s.cpuMs / s.completed : 0,
              gcMsPerRequest: s.completed ? s.gcMs / s.completed : 0,
              bytes: s.bytes,
              sameAnswer: same,
            };
            results.push(result);
            process.stdout.write(
              `${op.name.padEnd(24)} ${s.name.padEnd(8)} stmts ${result.statements.toFixed(1).padStart(5)}  seq p50 ${result.sequentialMs.p50
                .toFixed(1)
                .padStart(
                  6,
                )} ms  ${result.reqPerSec.p50.toFixed(0).padStart(5)} req/s (${result.reqPerSec.min.toFixed(0)}–${result.reqPerSec.max.toFixed(0)})  CPU ${result.cpuMsPerRequest.toFixed(2)} ms/req  GC ${result.gcMsPerRequest.toFixed(2)} ms/req  ${s.bytes} B${same ? '' : '  ANSWERS DIFFER'}\n`,
            );
          }
        } catch (error) {
          process.stdout.write(`${op.name}: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      }
    } finally {
      for (const s of servers) await s.server.stop();
      proxy?.server.close();
    }
    process.stdout.write(`${JSON.stringify(results)}\n`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
