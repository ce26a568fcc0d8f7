import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { findRepoRoot } from '@renda/server/dist/config/app-config.js';
import { freePort } from '@renda/server/dist/common/net/free-port.js';
import { DEMO_PASSWORD } from '@renda/server/dist/seed/seed-demo-users.js';
import { SCALE_TIERS } from '@renda/seeds/dist/scale/scale-tiers.js';
import { openBenchDatabase } from './bench-database.js';
import { DASHBOARD_LOGIN } from './dashboard-first-chart.js';

/**
 * Result cache (#19 part 4): the county overview's page-load operations, as the dashboard sends them
 * (recorded from one real page load in Chromium), replayed by autocannon for `--seconds` per round
 * against the server with the result cache off (RENDA_RESULT_CACHE_MB=0) and on; rounds alternate.
 *   node dist/result-cache-cli.js [--seconds 10] [--rounds 3] [--connections 8]
 */
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '8' },
  },
});
const log = (line: string) => process.stderr.write(`[bench:result-cache] ${line}\n`);
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

interface Recorded {
  method: string;
  path: string;
  body?: string;
}

async function startServer(urls: { appUrl: string; ownerUrl: string }, cacheMb: number) {
  const port = await freePort();
  // e.g. BENCH_SERVER_NODE_ARGS=--cpu-prof to profile the server
  const nodeArgs = (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, join(findRepoRoot(), 'server', 'dist', 'main.js')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: urls.appUrl,
        MIGRATION_DATABASE_URL: urls.ownerUrl,
        RENDA_MIGRATE_ON_START: 'false',
        RENDA_SEED: 'false',
        RENDA_JWT_SECRET: randomBytes(32).toString('hex'),
        RENDA_RESULT_CACHE_MB: String(cacheMb),
        RENDA_RATE_LIMIT_PER_USER: '0',
        RENDA_RATE_LIMIT_PER_IP: '0',
        RENDA_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (i > 600 || child.exitCode !== null) throw new Error('the server did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid!;
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { base, stop, cpuSeconds: () => processCpuSeconds(pid) };
}

/** User + system CPU of a process so far (/proc/<pid>/stat, clock ticks of 10 ms). */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // after "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based)
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function signIn(base: string, login: string): Promise<{ token: string; session: string }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: DASHBOARD_LOGIN, variables: { input: { login, password: DEMO_PASSWORD } } }),
  });
  const body = (await response.json()) as { data?: { login?: { token: string } } };
  if (!body.data?.login) throw new Error(`login as ${login} failed`);
  return { token: body.data.login.token, session: JSON.stringify(body.data.login) };
}

/** The /graphql requests one load of /county sends (queries only: the page sends no mutation). */
async function recordOverview(base: string, session: string): Promise<Recorded[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
    await context.addInitScript({ content: `sessionStorage.setItem('renda.session', ${JSON.stringify(session)});` });
    const page = await context.newPage();
    const recorded: Recorded[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname !== '/graphql') return;
      const body = request.postData();
      recorded.push({ method: request.method(), path: `${url.pathname}${url.search}`, ...(body ? { body } : {}) });
    });
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await page.goto(`${base}/county`, { waitUntil: 'commit' });
    // the overview's first chart is drawn once its queries answered; then whatever the page still loads
    await page.waitForFunction(`performance.getEntriesByName('renda:first-chart', 'mark').length > 0`, undefined, {
      timeout: 120_000,
    });
    await page.waitForLoadState('networkidle');
    if (recorded.length === 0) log(`no /graphql request from ${page.url()}`);
    return recorded;
  } finally {
    await browser.close();
  }
}

async function throughput(
  base: string,
  token: string,
  recorded: Recorded[],
  seconds: number,
): Promise<{ rps: number; requests: number }> {
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    'apollo-require-preflight': 'true',
  };
  const result = await autocannon({
    url: base,
    connections: Number(args.connections),
    duration: seconds,
    timeout: 60,
    requests: recorded.map((r) => ({
      method: r.method as 'GET' | 'POST',
      path: r.path,
      headers,
      ...(r.body ? { body: r.body } : {}),
    })),
  });
  if (result.non2xx + result.errors + result.timeouts > 0) throw new Error(`failed requests: ${result.non2xx} non-2xx`);
  return { rps: result['2xx'] / result.duration, requests: result['2xx'] };
}

async function main(): Promise<void> {
  const database = await openBenchDatabase({ tier: SCALE_TIERS.county, reload: false, log });
  const rounds = Number(args.rounds);
  const seconds = Number(args.seconds);
  const figures: Record<'uncached' | 'cached', number[]> = { uncached: [], cached: [] };
  // the server's own CPU per request: what throughput would be on a machine not shared with other work
  const cpuMs: Record<'uncached' | 'cached', number[]> = { uncached: [], cached: [] };
  let recorded: Recorded[] | null = null;
  try {
    for (let round = 0; round < rounds; round++) {
      for (const mode of ['uncached', 'cached'] as const) {
        const server = await startServer(database, mode === 'cached' ? 64 : 0);
        try {
          const { token, session } = await signIn(server.base, 'c00001.staff');
          recorded ??= await recordOverview(server.base, session);
          if (recorded.length === 0) throw new Error('the overview sent no /graphql request');
          await throughput(server.base, token, recorded, 3); // warm-up (and, cached, the first answers)
          const cpuBefore = server.cpuSeconds();
          const { rps, requests } = await throughput(server.base, token, recorded, seconds);
          const perRequest = ((server.cpuSeconds() - cpuBefore) * 1000) / requests;
          figures[mode].push(rps);
          cpuMs[mode].push(perRequest);
          log(`server CPU ${perRequest.toFixed(2)} ms per request`);
          const metrics = await (await fetch(`${server.base}/metrics`)).text();
          log(
            metrics
              .split('\n')
              .filter((l) => l.startsWith('renda_result_cache_lookups_total'))
              .join(', '),
          );
          log(`round ${round + 1} ${mode}: ${rps.toFixed(1)} req/s`);
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await database.stop();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const summary = {
    operations: recorded?.length,
    seconds,
    connections: Number(args.connections),
    uncached: {
      median: median(figures.uncached),
      min: Math.min(...figures.uncached),
      max: Math.max(...figures.uncached),
    },
    cached: { median: median(figures.cached), min: Math.min(...figures.cached), max: Math.max(...figures.cached) },
    ratio: median(figures.cached) / median(figures.uncached),
    serverCpuMsPerRequest: { uncached: median(cpuMs.uncached), cached: median(cpuMs.cached) },
    cpuRatio: median(cpuMs.uncached) / median(cpuMs.cached),
    loadAverage: loadavg(),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
