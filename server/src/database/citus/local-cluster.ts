import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../common/net/free-port.js';
import { postgresRunAs } from '../postgres-run-as.js';
import { processAlive } from '../process-alive.js';

const run = promisify(execFile);

/**
 * A Citus cluster on loopback for tests (and local experiments): a coordinator and workers, each a
 * Debian PostgreSQL 15 with `shared_preload_libraries = 'citus'` (`.ci/citus.sh` installs Citus), run
 * as the `postgres` OS user when the caller is root, data under one temporary folder deleted at the end.
 */
export interface CitusNode {
  port: number;
  /** Superuser URL of the node's `postgres` database. */
  url: string;
  pid(): number;
  /** SIGKILL to the postmaster; resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again (after `kill`, retried while the dead server's backends let go of shared memory). */
  start(): Promise<void>;
}

export interface LocalCitusCluster {
  coordinator: CitusNode;
  workers: CitusNode[];
  /** Stops every node and deletes the data (also after a node was killed). */
  stop(): Promise<void>;
}

export interface CitusClusterOptions {
  workers?: number;
  /** Shards per distributed table: small in tests, so distributing a database takes seconds. */
  shardCount?: number;
  /** The folder of PostgreSQL 15's binaries (default: Debian's, or RENDA_CITUS_PG_BINDIR). */
  binDir?: string;
  maxConnections?: number;
  /**
   * Commits wait for their WAL to reach the operating system (`synchronous_commit = on`). Off by default
   * (speed): a node killed with SIGKILL may then lose commits it had acknowledged in the last few hundred
   * milliseconds, which a test that kills a node and counts acknowledged writes must not allow.
   */
  durableCommits?: boolean;
}

export const CITUS_PG_BINDIR = process.env['RENDA_CITUS_PG_BINDIR'] || '/usr/lib/postgresql/15/bin';

function nodeUrl(port: number, database = 'postgres'): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`;
}

/** Runs statements one by one on a short-lived superuser connection. */
export async function onNode(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startCitusCluster(options: CitusClusterOptions = {}): Promise<LocalCitusCluster> {
  const bin = options.binDir ?? CITUS_PG_BINDIR;
  if (!existsSync(join(bin, 'initdb')))
    throw new Error(`no PostgreSQL in ${bin}: install postgresql-15 (.ci/citus.sh)`);
  const user = await postgresRunAs();
  const base = mkdtempSync(join(tmpdir(), 'renda-citus-'));
  if (user) chownSync(base, user.uid, user.gid);
  const tool = (name: string, args: string[]) =>
    // HOME: libpq in the coordinator looks for client certificates under it, and root's is out of reach.
    run(join(bin, name), args, { ...(user ?? {}), cwd: base, env: { ...process.env, LC_ALL: 'C.UTF-8', HOME: base } });

  const started: CitusNode[] = [];
  const dataDirs: string[] = [];
  const makeNode = async (name: string): Promise<CitusNode> => {
    const dataDir = join(base, name);
    const log = join(base, `${name}.log`);
    dataDirs.push(dataDir);
    const port = await freePort();
    // trust on loopback only: these servers live for one test run and listen on 127.0.0.1; the
    // coordinator reaches the workers as the requesting role without a password file.
    await tool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N']);
    const settings = [
      "shared_preload_libraries = 'citus'",
      "listen_addresses = '127.0.0.1'",
      `port = ${port}`,
      `unix_socket_directories = '${base}'`,
      'fsync = off',
      `synchronous_commit = ${options.durableCommits ? 'on' : 'off'}`,
      'full_page_writes = off',
      `max_connections = ${options.maxConnections ?? 300}`,
      // Citus commits writes touching several nodes with two-phase commit.
      'max_prepared_transactions = 200',
      `citus.shard_count = ${options.shardCount ?? 4}`,
      // Loopback between nodes of one machine: no TLS (Citus would otherwise require it between nodes).
      "citus.node_conninfo = 'sslmode=disable'",
      // A worker that was killed is retried quickly, so requests fail fast instead of waiting on it.
      "citus.node_connection_timeout = '5s'",
    ];
    await appendFile(join(dataDir, 'postgresql.conf'), `\n# renda citus test cluster\n${settings.join('\n')}\n`);
    const pgStart = () =>
      tool('pg_ctl', ['-D', dataDir, '-l', log, '-w', '-t', '60', 'start']).catch((error: Error) => {
        const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
        throw new Error(`${name} did not start: ${error.message}\n${tail}`);
      });
    await pgStart();
    const pid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const node: CitusNode = {
      port,
      url: nodeUrl(port),
      pid,
      async kill() {
        const victim = pid();
        process.kill(victim, 'SIGKILL');
        while (processAlive(victim)) await sleep(20);
      },
      async start() {
        for (let attempt = 1; ; attempt += 1) {
          try {
            await pgStart();
            return;
          } catch (error) {
            if (attempt >= 20) throw error;
            await sleep(250);
          }
        }
      },
    };
    started.push(node);
    return node;
  };

  const stop = async () => {
    await Promise.all(
      dataDirs
        .filter((dir) => existsSync(join(dir, 'postmaster.pid')))
        .map((dir) => tool('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)),
    );
    rmSync(base, { recursive: true, force: true });
  };
  try {
    const coordinator = await makeNode('coordinator');
    const workers: CitusNode[] = [];
    for (let i = 1; i <= (options.workers ?? 2); i += 1) workers.push(await makeNode(`worker${i}`));
    return { coordinator, workers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What passes between processes (jest's global setup → its workers): the nodes' ports. */
export interface CitusClusterAddress {
  coordinator: number;
  workers: number[];
}

export function addressOf(cluster: LocalCitusCluster): CitusClusterAddress {
  return { coordinator: cluster.coordinator.port, workers: cluster.workers.map((w) => w.port) };
}

/**
 * Turns `database` (already on the coordinator) into a Citus database: the same database on every
 * worker, owned by `owner`, the extension everywhere, and the nodes registered. Citus 12.1 keeps its
 * metadata per database, so this runs once for each database that is to hold distributed tables.
 */
export async function attachCitusDatabase(
  cluster: CitusClusterAddress,
  database: string,
  owner: string,
): Promise<void> {
  await Promise.all(
    cluster.workers.map(async (port) => {
      await onNode(nodeUrl(port), [`create database ${database} owner ${owner}`]);
      await onNode(nodeUrl(port, database), ['create extension if not exists citus']);
    }),
  );
  await onNode(nodeUrl(cluster.coordinator, database), [
    'create extension if not exists citus',
    `select citus_set_coordinator_host('127.0.0.1', ${cluster.coordinator})`,
    ...cluster.workers.map((port) => `select citus_add_node('127.0.0.1', ${port})`),
  ]);
}

/** Drops `database` on the coordinator and on every worker (which keep their own copies of its shards). */
export async function dropCitusDatabase(cluster: CitusClusterAddress, database: string): Promise<void> {
  for (const port of [cluster.coordinator, ...cluster.workers])
    await onNode(nodeUrl(port), [`drop database if exists ${database} with (force)`]);
}
