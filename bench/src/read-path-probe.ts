import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * Issue #19 part 3's probe: each dashboard page-load operation against the real server on a loaded tier,
 * one at a time: data statements per request, sequential latency, throughput at 8 connections, and the
 * share of the server's CPU profile spent in garbage collection. Not a comparison (that is the
 * harness's job); a before/after of the read path.
 *
 *   node dist/read-path-probe.js [--tier county] [--seconds 4] [--only Name,Name] [--no-profile]
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
const seconds = Number(flag('seconds', '4'));
const only = argv.includes('--only') ? new Set(flag('only', '').split(',')) : null;
const profile = !argv.includes('--no-profile');

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

/** Share of the non-idle samples of a .cpuprofile spent in "(garbage collector)". */
function gcShare(path: string): number {
  const prof = JSON.parse(readFileSync(path, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string } }[];
    samples: number[];
  };
  const names = new Map(prof.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let busy = 0;
  let gc = 0;
  for (const id of prof.samples) {
    const name = names.get(id);
    if (name === '(idle)' || name === '(program)') continue;
    busy++;
    if (name === '(garbage collector)') gc++;
  }
  return busy ? gc / busy : 0;
}

async function startServer(spec: object, profileDir: string | null) {
  const child = fork(new URL('./serve.js', import.meta.url), [], {
    env: { ...process.env, NODE_ENV: 'production', BENCH_SERVE: JSON.stringify(spec) },
    execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${String(code)}`)));
    child.once('message', (m) => resolve((m as { port: number }).port));
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
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
    const spec = { system: 'renda', appUrl: database.appUrl, ownerUrl: database.ownerUrl, jwtSecret, poolMax: 10 };
    const profileRoot = join(findRepoRoot(), '.data', 'read-path-profiles');
    const results = [];
    for (const op of ops) {
      if (only && !only.has(op.name)) continue;
      const profileDir = profile ? join(profileRoot, op.name) : null;
      if (profileDir) {
        rmSync(profileDir, { recursive: true, force: true });
        mkdirSync(profileDir, { recursive: true });
      }
      const server = await startServer(spec, profileDir);
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens[op.role]!}` };
      const body = JSON.stringify({ query: documentOf(op.file), variables: op.variables });
      const send = async () => {
        const response = await fetch(server.url, { method: 'POST', headers, body });
        const json = (await response.json()) as { errors?: unknown; data?: unknown };
        if (json.errors) throw new Error(`${op.name}: ${JSON.stringify(json.errors).slice(0, 400)}`);
        return json;
      };
      try {
        const answer = await send();
        const bytes = JSON.stringify(answer).length;
        for (let i = 0; i < 50; i++) await send();
        await waitForQuiet(database.superuserUrl);
        await resetStatements(database.superuserUrl);
        const times: number[] = [];
        const n = 20;
        for (let i = 0; i < n; i++) {
          const start = performance.now();
          await send();
          times.push(performance.now() - start);
        }
        const counts = await readStatements(database.superuserUrl);
        const load = await autocannon({
          url: server.url,
          connections: 8,
          duration: seconds,
          // Samples every 100 ms, so the rate is not rounded to whole seconds.
          sampleInt: 100,
          requests: [{ method: 'POST', headers, body }],
        });
        const result = {
          op: op.name,
          statements: counts.data / n,
          sequentialMs: stats(times),
          reqPerSec: load['2xx'] / (load.duration || seconds),
          non2xx: load.non2xx + load.errors,
          bytes,
          gcShare: 0,
        };
        await server.stop();
        if (profileDir) {
          const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
          if (file) result.gcShare = gcShare(join(profileDir, file));
        }
        results.push(result);
        process.stdout.write(
          `${op.name.padEnd(24)} stmts ${result.statements.toFixed(1).padStart(5)}  seq p50 ${result.sequentialMs.p50
            .toFixed(1)
            .padStart(
              6,
            )} ms  ${result.reqPerSec.toFixed(0).padStart(6)} req/s  GC ${(result.gcShare * 100).toFixed(1)} %  ${bytes} B\n`,
        );
      } catch (error) {
        await server.stop();
        process.stdout.write(`${op.name}: ${error instanceof Error ? error.message : String(error)}\n`);
      }
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
