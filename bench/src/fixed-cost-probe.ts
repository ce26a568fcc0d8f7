import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { SCALE_TIERS, isScaleTierName } from '@renda/seeds/dist/scale/scale-tiers.js';
import { openBenchDatabase } from './bench-database.js';
import { startContender } from './contender.js';
import { readDashboardDocuments } from './pages/dashboard-documents.js';
import { preparePageWorkload } from './pages/page-requests.js';
import { sampleStats } from './sample-stats.js';
import type { SystemName } from './workloads.js';

/**
 * Where a request's fixed cost goes: the server process's CPU time per request (user and system, from
 * /proc) for a ladder of ever fuller requests, each system under the same load (autocannon, 8
 * connections). Each rung adds one layer to the one before:
 *
 *   livez          HTTP and the middlewares every route runs (the API only)
 *   typename-anon  + GraphQL: `{ __typename }`, no token
 *   typename-auth  + the token and the request transaction (identity statement, commit)
 *   CountyName     + one resolver reading one row
 *   <operations>   further page-load operations (`--operations`), each as the harness sends it
 *
 *   node dist/fixed-cost-probe.js [--tier county] [--seconds 4] [--rounds 2] [--systems renda,postgraphile]
 *                                 [--operations PreviousQuarterReport,MetricCatalog]
 *
 * Beside the server's CPU, PostgreSQL's (every process of the bench cluster, /proc) and the load
 * generator's (this process) per request: on a machine whose cores the three share, their sum is what
 * bounds a system's throughput.
 *
 * Not a comparison table for bench/README.md's targets (the harness makes those): a breakdown of one.
 */
const { values: args } = parseArgs({
  options: {
    tier: { type: 'string', default: 'county' },
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '2' },
    systems: { type: 'string', default: 'renda,postgraphile' },
    operations: { type: 'string', default: '' },
  },
});
if (!isScaleTierName(args.tier)) throw new Error(`--tier must be county, province or national`);
const tier = SCALE_TIERS[args.tier];
const seconds = Number(args.seconds);
const rounds = Number(args.rounds);
const systems = args.systems.split(',') as SystemName[];
const operations = args.operations.split(',').filter((name) => name !== '');

interface Rung {
  name: string;
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** utime and stime of a process, in milliseconds (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMs(pid: number): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

/** The bench cluster's processes: every `postgres` process on the machine (the probe runs alone). */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith('postgres')) continue;
      const { user, system } = cpuMs(Number(entry));
      total += user + system;
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

function load(url: string, rung: Rung, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: url + rung.path,
        method: rung.method,
        headers: rung.headers,
        ...(rung.body ? { body: rung.body } : {}),
        connections: 8,
        duration,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function main(): Promise<void> {
  const database = await openBenchDatabase({ tier, reload: false, log: (l) => process.stderr.write(`${l}\n`) });
  const jwtSecret = randomBytes(32).toString('hex');
  const documents = readDashboardDocuments();
  const page = await preparePageWorkload(tier, 'CountyName', documents, jwtSecret);
  const pages = await Promise.all(operations.map((name) => preparePageWorkload(tier, name, documents, jwtSecret)));
  const rows: {
    rung: string;
    system: string;
    rps: number[];
    user: number[];
    kernel: number[];
    postgres: number[];
    generator: number[];
  }[] = [];
  try {
    for (const system of systems) {
      const countyName = page.requests.get(system)?.[0];
      if (!countyName) continue;
      const signedIn = { 'content-type': 'application/json', authorization: countyName.headers['authorization']! };
      const typename = JSON.stringify({ query: '{ __typename }' });
      const rungs: Rung[] = [
        ...(system === 'renda' ? [{ name: 'livez', path: '/livez', method: 'GET' as const, headers: {} }] : []),
        {
          name: 'typename-anon',
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: typename,
        },
        { name: 'typename-auth', path: '/graphql', method: 'POST', headers: signedIn, body: typename },
        { name: 'CountyName', path: '/graphql', method: 'POST', headers: countyName.headers, body: countyName.body },
      ];
      for (const operation of pages) {
        const request = operation.requests.get(system)?.[0];
        if (request) rungs.push({ name: operation.name, path: '/graphql', method: 'POST', ...request });
      }
      const contender = await startContender({
        system,
        appUrl: database.appUrl,
        ownerUrl: database.ownerUrl,
        jwtSecret,
        poolMax: 10,
      });
      const base = contender.url.replace(/\/graphql$/, '');
      try {
        for (const rung of rungs) {
          const row = {
            rung: rung.name,
            system,
            rps: [] as number[],
            user: [] as number[],
            kernel: [] as number[],
            postgres: [] as number[],
            generator: [] as number[],
          };
          rows.push(row);
          await load(base, rung, 1);
          for (let round = 0; round < rounds; round++) {
            const before = cpuMs(contender.pid);
            const postgresBefore = postgresCpuMs();
            const generatorBefore = process.cpuUsage();
            const result = await load(base, rung, seconds);
            const generator = process.cpuUsage(generatorBefore);
            const postgresAfter = postgresCpuMs();
            const after = cpuMs(contender.pid);
            if (result.non2xx > 0 && rung.name !== 'typename-anon') {
              throw new Error(`${system} ${rung.name}: ${result.non2xx} answers were not 2xx`);
            }
            row.rps.push(result.requests.average);
            row.user.push((after.user - before.user) / result.requests.total);
            row.kernel.push((after.system - before.system) / result.requests.total);
            row.postgres.push((postgresAfter - postgresBefore) / result.requests.total);
            row.generator.push((generator.user + generator.system) / 1000 / result.requests.total);
          }
        }
      } finally {
        await contender.stop();
      }
    }
  } finally {
    await database.stop();
  }
  process.stdout.write(`\n${tier.name} tier, ${seconds} s × ${rounds} rounds, 8 connections (medians)\n\n`);
  process.stdout.write(
    '| request | system | req/s | CPU ms/req | of which system | PostgreSQL CPU ms/req | load generator CPU ms/req | all three |\n' +
      '| --- | --- | --- | --- | --- | --- | --- | --- |\n',
  );
  for (const row of rows) {
    const user = sampleStats(row.user).median;
    const sys = sampleStats(row.kernel).median;
    const postgres = sampleStats(row.postgres).median;
    const generator = sampleStats(row.generator).median;
    process.stdout.write(
      `| ${row.rung} | ${row.system} | ${sampleStats(row.rps).median.toFixed(0)} | ${(user + sys).toFixed(3)} | ${sys.toFixed(3)} | ` +
        `${postgres.toFixed(3)} | ${generator.toFixed(3)} | ${(user + sys + postgres + generator).toFixed(3)} |\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
