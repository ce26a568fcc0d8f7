import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { freePort } from '../common/net/free-port.js';
import { findPostgresBinDir } from './replication-pair.js';
import { processAlive } from '../database/process-alive.js';

const run = promisify(execFile);

/** A PostgreSQL of Debian's binaries on loopback that a test may kill, restart and throw away. */
export interface ThrowawayCluster {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  pid(): number;
  /** SIGKILL to the postmaster; resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again (after `kill`, retried while the dead server's backends let go of shared memory). */
  start(): Promise<void>;
  /** `pg_ctl restart -m fast`: a clean restart, open sessions are ended. */
  restart(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = findPostgresBinDir();
  const asPostgres =
    process.getuid?.() === 0
      ? {
          uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
          gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
        }
      : null;
  const base = mkdtempSync(join(tmpdir(), 'renda-fault-pg-'));
  if (asPostgres) chownSync(base, asPostgres.uid, asPostgres.gid);
  const dataDir = join(base, 'data');
  const port = await freePort();
  const tool = (name: string, args: string[]) =>
    run(join(bin, name), args, { ...(asPostgres ?? {}), cwd: base, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  const options =
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${base} -c fsync=off ` +
    '-c max_connections=100';
  const pgStart = () =>
    tool('pg_ctl', ['-D', dataDir, '-l', join(base, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
  const pid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

  // trust on loopback only: this server lives for one test file and listens on 127.0.0.1.
  await tool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N']);
  await pgStart();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
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
    async restart() {
      // -l as at start: without it the new postmaster keeps pg_ctl's output open and pg_ctl never returns.
      await tool('pg_ctl', [
        '-D',
        dataDir,
        '-l',
        join(base, 'server.log'),
        '-m',
        'fast',
        '-w',
        '-t',
        '60',
        '-o',
        options,
        'restart',
      ]);
    },
    async destroy() {
      if (existsSync(join(dataDir, 'postmaster.pid')))
        await tool('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
}
