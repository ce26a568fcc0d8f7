import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { findRepoRoot } from '@renda/server/dist/config/app-config.js';
import { DEMO_PASSWORD } from '@renda/server/dist/seed/seed-demo-users.js';
import { SCALE_TIERS } from '@renda/seeds/dist/scale/scale-tiers.js';
import { openBenchDatabase } from './bench-database.js';
import { startContender } from './contender.js';
import { bundleSize } from '@renda/dashboard/scripts/bundle-size.js';
import { dashboardFirstChart } from './dashboard-first-chart.js';
import { dashboardSeedDatabase } from './dashboard-seed-database.js';
import {
  dashboardOperationsTable,
  dashboardTable,
  FIRST_CHART_TARGET_MS,
  type DashboardFigures,
  type DashboardTarget,
} from './dashboard-table.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: 'seed,county' },
    runs: { type: 'string', default: '11' },
    warmup: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});

const log = (line: string) => process.stderr.write(`[bench:dashboard] ${line}\n`);
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Who signs in on each data set: the county's staff account (same password as every demo account). */
const DATA_SETS = {
  seed: { townships: 5, login: 'demo.staff' },
  county: { townships: SCALE_TIERS.county.townships, login: 'c00001.staff' },
} as const;

async function main(): Promise<void> {
  const data = args.data.split(',').map((d) => d.trim());
  for (const d of data) if (!Object.hasOwn(DATA_SETS, d)) throw new Error(`--data takes seed and/or county, not ${d}`);
  const runs = Number(args.runs);
  const warmups = Number(args.warmup);
  if (!(runs >= 1 && warmups >= 0)) throw new Error('--runs must be at least 1 and --warmup at least 0');
  const repoRoot = findRepoRoot();
  const loadAverageBefore = loadavg();

  const bundle = bundleSize.measure(join(repoRoot, 'dashboard', 'dist'));
  log(`initial JS ${(bundle.initialGzipBytes / 1024).toFixed(1)} KB gzipped`);

  // The bench cluster (RENDA_BENCH_PG_DIR) with the county tier; the seed data goes in a second database.
  const database = await openBenchDatabase({ tier: SCALE_TIERS.county, reload: false, log });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const chromiumVersion = browser.version();
  const firstChart: DashboardTarget[] = [];
  try {
    const clusterUrl = new URL(database.superuserUrl);
    clusterUrl.pathname = '/postgres';
    for (const name of data as (keyof typeof DATA_SETS)[]) {
      const urls =
        name === 'seed'
          ? await dashboardSeedDatabase(clusterUrl.toString(), log)
          : { ownerUrl: database.ownerUrl, appUrl: database.appUrl };
      const server = await startContender({
        system: 'renda',
        ...urls,
        jwtSecret: randomBytes(32).toString('hex'),
        poolMax: 10,
      });
      try {
        log(`${name}: the server (production mode) on ${server.url.replace('/graphql', '')}`);
        const result = await dashboardFirstChart(browser, {
          baseUrl: server.url.replace(/\/graphql$/, ''),
          login: DATA_SETS[name].login,
          password: DEMO_PASSWORD,
          runs,
          warmups,
          log: (line) => log(`${name}: ${line}`),
        });
        firstChart.push({ data: name, ...DATA_SETS[name], result });
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
    await database.stop();
  }

  const figures: DashboardFigures = {
    date: new Date().toISOString(),
    commit: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadAverageBefore,
      loadAverageAfter: loadavg(),
    },
    node: process.version,
    chromium: chromiumVersion,
    targets: { initialJsGzipKB: bundleSize.budgetKb, firstChartMs: FIRST_CHART_TARGET_MS },
    bundle,
    firstChart,
  };
  const out = args.out ?? join(repoRoot, '.data', 'bench-results', 'dashboard.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
  const drawnFirst = firstChart.map(
    (t) => `${t.data}: ${[...new Set(t.result.runs.map((r) => r.chart ?? 'unnamed'))].join(' / ')}`,
  );
  process.stdout.write(
    `${dashboardTable(figures)}\n\n${dashboardOperationsTable(figures)}\n\n` +
      `first chart drawn: ${drawnFirst.join('; ')}\n${figures.date}, commit ${figures.commit.slice(0, 7)}, ` +
      `${figures.machine.cpus} × ${figures.machine.cpuModel}, Chromium ${figures.chromium}, ` +
      `load average ${loadAverageBefore.map((l) => l.toFixed(1)).join(' ')} before, ` +
      `${figures.machine.loadAverageAfter.map((l) => l.toFixed(1)).join(' ')} after; raw results in ${out}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
