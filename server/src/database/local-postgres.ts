import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { freePort } from '../common/net/free-port.js';
import { postgresRunAs, type RunAs } from './postgres-run-as.js';
import { processAlive } from './process-alive.js';

const run = promisify(execFile);

/**
 * PostgreSQL servers of a system install (Debian's) that a test or an experiment starts, kills with
 * SIGKILL, restarts and throws away: the fault tests' throwaway server and the Citus test cluster's
 * nodes. They share one temporary folder (data, logs, sockets), run as the `postgres` OS user when the
 * caller is root, and trust connections on loopback only: they live for one run and listen on 127.0.0.1.
 */
export interface LocalPostgresHost {
  /** The temporary folder holding every server's data and log. */
  base: string;
  /** Starts a new server named `name` with these postgresql.conf lines (port and sockets are its own). */
  add(name: string, settings?: string[]): Promise<LocalPostgres>;
  /** Stops every server (also one that was killed) and deletes the folder. */
  stop(): Promise<void>;
}

export interface LocalPostgres {
  port: number;
  /** Superuser URL of the server's `postgres` database. */
  url: string;
  pid(): number;
  /** SIGKILL to the postmaster; resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again (after `kill`, retried while the dead server's backends let go of shared memory). */
  start(): Promise<void>;
  /** `pg_ctl restart -m fast`: a clean restart, open sessions are ended. */
  restart(): Promise<void>;
}

export async function localPostgresHost(binDir: string, prefix: string): Promise<LocalPostgresHost> {
  if (!existsSync(join(binDir, 'initdb'))) throw new Error(`no PostgreSQL in ${binDir}`);
  const user: RunAs | null = await postgresRunAs();
  const base = mkdtempSync(join(tmpdir(), prefix));
  if (user) chownSync(base, user.uid, user.gid);
  const tool = (name: string, args: string[]) =>
    // HOME: libpq (a Citus coordinator connecting to its workers) looks for client certificates under
    // it, and root's is out of the postgres user's reach.
    run(join(binDir, name), args, {
      ...(user ?? {}),
      cwd: base,
      env: { ...process.env, LC_ALL: 'C.UTF-8', HOME: base },
    });
  const dataDirs: string[] = [];

  const add = async (name: string, settings: string[] = []): Promise<LocalPostgres> => {
    const dataDir = join(base, name);
    const log = join(base, `${name}.log`);
    dataDirs.push(dataDir);
    const port = await freePort();
    await tool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N']);
    const own = [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${base}'`];
    await appendFile(
      join(dataDir, 'postgresql.conf'),
      `\n# ${name}, started for one run\n${[...own, ...settings].join('\n')}\n`,
    );
    // -l: without it the postmaster keeps pg_ctl's output open and pg_ctl never returns.
    const pgCtl = (command: 'start' | 'restart') =>
      tool('pg_ctl', [
        '-D',
        dataDir,
        '-l',
        log,
        ...(command === 'restart' ? ['-m', 'fast'] : []),
        '-w',
        '-t',
        '60',
        command,
      ]).catch((error: Error) => {
        const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
        throw new Error(`${name} did not ${command}: ${error.message}\n${tail}`);
      });
    await pgCtl('start');
    const pid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return {
      port,
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      pid,
      async kill() {
        const victim = pid();
        process.kill(victim, 'SIGKILL');
        while (processAlive(victim)) await sleep(20);
      },
      async start() {
        for (let attempt = 1; ; attempt += 1) {
          try {
            await pgCtl('start');
            return;
          } catch (error) {
            if (attempt >= 20) throw error;
            await sleep(250);
          }
        }
      },
      async restart() {
        await pgCtl('restart');
      },
    };
  };

  const stop = async () => {
    await Promise.all(
      dataDirs
        .filter((dir) => existsSync(join(dir, 'postmaster.pid')))
        .map((dir) => tool('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)),
    );
    rmSync(base, { recursive: true, force: true });
  };
  return { base, add, stop };
}
