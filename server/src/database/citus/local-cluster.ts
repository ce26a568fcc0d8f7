import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { localPostgresHost, type LocalPostgres } from '../local-postgres.js';

/**
 * A Citus cluster on loopback for tests (and local experiments): a coordinator and workers, each a
 * Debian PostgreSQL 15 with `shared_preload_libraries = 'citus'` (`.ci/citus.sh` installs Citus), run
 * as the `postgres` OS user when the caller is root, data under one temporary folder deleted at the end.
 * A node (coordinator or worker) is a LocalPostgres: the fault test kills and restarts one.
 */
export type CitusNode = LocalPostgres;

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
  const host = await localPostgresHost(bin, 'renda-citus-');
  const settings = [
    "shared_preload_libraries = 'citus'",
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
  try {
    const coordinator = await host.add('coordinator', settings);
    const workers: CitusNode[] = [];
    for (let i = 1; i <= (options.workers ?? 2); i += 1) workers.push(await host.add(`worker${i}`, settings));
    return { coordinator, workers, stop: host.stop };
  } catch (error) {
    await host.stop();
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
