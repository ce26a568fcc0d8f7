import { execFile } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { postgresRunAs, type RunAs } from '@renda/server/dist/database/postgres-run-as.js';
import { provisionRoles } from '@renda/server/dist/database/provision-roles.js';
import { attachCitusDatabase, dropCitusDatabase } from '@renda/server/dist/database/citus/local-cluster.js';
import { DATABASE_ROLES } from '@renda/server/dist/database/database-roles.js';

const run = promisify(execFile);

/** Debian's PostgreSQL 15 with Citus 12.1 built into it (../shared/reference/citus.md). */
const PG_BIN = process.env['RENDA_CITUS_PG_BIN'] || '/usr/lib/postgresql/15/bin';
/** The bench's loopback ports: the coordinator on the first, worker i on the first + i. */
export const CITUS_BASE_PORT = 35431;
export const CITUS_MAX_WORKERS = 8;
const USER = 'postgres';

export interface CitusClusterOptions {
  workers: number;
  /** Shards per distributed table (`citus.shard_count`) for tables distributed in this cluster. */
  shardCount: number;
  log: (line: string) => void;
}

export interface CitusCluster {
  /** Superuser URL of the coordinator's maintenance database. */
  url: string;
  /** Superuser URLs of the workers' maintenance databases. */
  workerUrls: string[];
  workers: number;
  shardCount: number;
  /** Creates `name` on the coordinator, the roles on every node. */
  createDatabase(name: string): Promise<void>;
  /** Makes `name` a Citus database: on every worker, the extension everywhere, the workers registered. */
  attachDatabase(name: string): Promise<void>;
  /** Drops `name` on every node (Citus 12.1 does not propagate CREATE or DROP DATABASE). */
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const nodeUrl = (port: number, database = 'postgres') => `postgres://${USER}@127.0.0.1:${port}/${database}`;

async function asPostgres(user: RunAs | null, file: string, args: string[]): Promise<string> {
  // HOME of the `postgres` user, not root's: libpq in the server reads ~/.postgresql when it connects.
  const env = { ...process.env, HOME: '/tmp' };
  const { stdout } = await run(file, args, user ? { uid: user.uid, gid: user.gid, env } : { env });
  return stdout;
}

/**
 * One node: initialised once (kept between runs, like the single server's .data/bench-pg, so a loaded
 * tier is reused), started with Citus and pg_stat_statements preloaded, loopback only. Trust
 * authentication on loopback: the nodes connect to each other as `postgres` without a password, and
 * nothing outside this machine can reach them.
 */
async function startNode(user: RunAs | null, dir: string, port: number, shardCount: number): Promise<void> {
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (user) chownSync(dir, user.uid, user.gid);
    await asPostgres(user, join(PG_BIN, 'initdb'), [
      ...['-D', dir, '-U', USER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'],
    ]);
    appendFileSync(
      join(dir, 'postgresql.conf'),
      [
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = ''`,
        `shared_preload_libraries = 'citus,pg_stat_statements'`,
        `pg_stat_statements.track = top`,
        // The coordinator opens connections to the workers per shard it queries in parallel; three
        // contenders' pools of 10 and a multi-shard query each need room on every worker.
        `max_connections = 400`,
        `max_prepared_transactions = 400`,
        // The single server's settings (bench-database.ts), on every node.
        `shared_buffers = 1GB`,
        `maintenance_work_mem = 512MB`,
        `max_wal_size = 8GB`,
        `citus.shard_count = ${shardCount}`,
        // Loopback between nodes: no TLS (Citus's default `require` would look for client certificates).
        `citus.node_conninfo = 'sslmode=disable'`,
        // Triggers on distributed tables (the audit log, the data version): each writes only rows of the
        // county whose row fired it, which sit in the same shard group.
        `citus.enable_unsafe_triggers = on`,
        '',
      ].join('\n'),
    );
  }
  const running = await asPostgres(user, join(PG_BIN, 'pg_ctl'), ['-D', dir, 'status']).then(
    () => true,
    () => false,
  );
  if (running) return;
  await asPostgres(user, join(PG_BIN, 'pg_ctl'), [
    ...['-D', dir, '-l', join(dir, 'server.log'), '-w', '-t', '120'],
    ...['-o', `-p ${port}`, 'start'],
  ]);
}

/**
 * A Citus coordinator and `workers` workers on this machine, as the `postgres` OS user (PostgreSQL
 * refuses root). Each layout (number of workers) has its own data folders, so the one-worker and the
 * two-worker cluster each keep their loaded tiers; they share the ports and run one at a time.
 */
export async function startCitusCluster(options: CitusClusterOptions): Promise<CitusCluster> {
  const { workers, shardCount, log } = options;
  if (!Number.isInteger(workers) || workers < 1 || workers > CITUS_MAX_WORKERS)
    throw new Error(`--workers must be 1 to ${CITUS_MAX_WORKERS}`);
  const user = await postgresRunAs();
  const root = process.env['RENDA_BENCH_CITUS_DIR'] || '/tmp/renda-bench-citus';
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const layout = join(root, `workers-${workers}`);
  mkdirSync(layout, { recursive: true, mode: 0o755 });
  if (user) chownSync(layout, user.uid, user.gid);
  const ports = Array.from({ length: workers + 1 }, (_, i) => CITUS_BASE_PORT + i);
  const dirs = ports.map((_, i) => join(layout, i === 0 ? 'coordinator' : `worker-${i}`));
  log(`citus: coordinator on ${ports[0]}, ${workers} worker(s) on ${ports.slice(1).join(', ')} (${layout})`);
  const started: string[] = [];
  const stop = async () => {
    for (const dir of started.reverse())
      await asPostgres(user, join(PG_BIN, 'pg_ctl'), ['-D', dir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  };
  try {
    for (const [i, dir] of dirs.entries()) {
      await startNode(user, dir, ports[i]!, shardCount);
      started.push(dir);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const [coordinatorPort, ...workerPorts] = ports;
  const workerUrls = workerPorts.map((port) => nodeUrl(port));
  const allUrls = [nodeUrl(coordinatorPort!), ...workerUrls];

  const address = { coordinator: coordinatorPort!, workers: workerPorts };
  const createDatabase = async (name: string) => {
    // Roles are per server: the same provisioning on every node; on the coordinator it also creates
    // the database, which is loaded there as on one server before it becomes a Citus database.
    for (const url of workerUrls) await provisionRoles(url, 'postgres');
    await provisionRoles(allUrls[0]!, name);
  };
  const attachDatabase = (name: string) => attachCitusDatabase(address, name, DATABASE_ROLES.owner);
  const dropDatabase = (name: string) => dropCitusDatabase(address, name);
  return {
    url: allUrls[0]!,
    workerUrls,
    workers,
    shardCount,
    createDatabase,
    attachDatabase,
    dropDatabase,
    stop,
  };
}
