import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { provisionRoles, roleUrl } from '../database/provision-roles.js';
import { freePort } from '../common/net/free-port.js';
import { spawnServer, type ServerProcess } from '../test-support/spawn-server.js';
import { startThrowawayCluster, type ThrowawayCluster } from '../test-support/throwaway-cluster.js';
import { TEST_JWT_SECRET } from '../test-support/test-server.js';
import { processAlive } from '../database/process-alive.js';

export type FaultMode = 'embedded' | 'DATABASE_URL';

/** Limits the fault tests set (short, so a test waits seconds rather than the production defaults). */
export const FAULT_LIMITS = { lockTimeoutMs: 2000, tenantQueueTimeoutMs: 3000, poolMax: 10, shutdownDelayMs: 1000 };

/** The real server process over a PostgreSQL the test can kill, with what each fault needs. */
export interface FaultEnvironment {
  mode: FaultMode;
  base: string;
  server: ServerProcess;
  /** Superuser URL of the application's database, for checking what was written. */
  superuserUrl: string;
  postmasterPid(): number;
  /** kill -9 of PostgreSQL; with DATABASE_URL the test then starts it again, as its platform would. */
  killPostgres(): Promise<void>;
  /** A clean (fast) restart: the embedded one by SIGINT (its supervisor starts it again), else pg_ctl. */
  restartPostgres(): Promise<void>;
  /** Brings the embedded PostgreSQL back after the server stopped it (to count what was written). */
  reopenAfterExit(): Promise<{ url: string; close(): Promise<void> }>;
  destroy(): Promise<void>;
}

async function waitGone(pid: number): Promise<void> {
  while (processAlive(pid)) await sleep(20);
}

/** SIGTERM, and SIGKILL when the server has not exited 20 s later (a failed test must not leave it running). */
async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
  await server.exited;
  clearTimeout(timer);
}

function serverEnv(port: number): Record<string, string> {
  return {
    PORT: String(port),
    RENDA_JWT_SECRET: TEST_JWT_SECRET,
    RENDA_TEST_HOOKS: 'true',
    RENDA_SHUTDOWN_DELAY_MS: String(FAULT_LIMITS.shutdownDelayMs),
    RENDA_DB_LOCK_TIMEOUT_MS: String(FAULT_LIMITS.lockTimeoutMs),
    RENDA_TENANT_QUEUE_TIMEOUT_MS: String(FAULT_LIMITS.tenantQueueTimeoutMs),
    RENDA_DB_POOL_MAX: String(FAULT_LIMITS.poolMax),
    // The faults' clients send one request after another as fast as the server answers (a township reads
    // through a lock held elsewhere for seconds): thousands of requests a minute from one user, which the
    // general rate limit would refuse. The limit has tests of its own (security/http-layer.test.ts).
    RENDA_RATE_LIMIT_PER_USER: '1000000',
    RENDA_RATE_LIMIT_PER_IP: '1000000',
  };
}

export async function startFaultEnvironment(mode: FaultMode): Promise<FaultEnvironment> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  if (mode === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'renda-fault-embedded-'));
    // The embedded PostgreSQL runs as the `postgres` user when the tests run as root: it must reach its folder.
    chmodSync(dir, 0o755);
    const dataDir = join(dir, 'pg');
    const pgPort = await freePort();
    const server = await spawnServer(
      { ...serverEnv(port), RENDA_PG_DIR: dataDir, RENDA_PG_PORT: String(pgPort) },
      120_000,
    );
    const superuserUrl = `postgres://postgres:renda-embedded@127.0.0.1:${pgPort}/renda`;
    const postmasterPid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return {
      mode,
      base,
      server,
      superuserUrl,
      postmasterPid,
      async killPostgres() {
        const pid = postmasterPid();
        process.kill(pid, 'SIGKILL');
        await waitGone(pid);
      },
      async restartPostgres() {
        const pid = postmasterPid();
        process.kill(pid, 'SIGINT');
        await waitGone(pid);
      },
      async reopenAfterExit() {
        const { startEmbeddedDatabase } = await import('../database/embedded-database.js');
        const db = await startEmbeddedDatabase({ dataDir, port: pgPort, databaseName: 'renda' });
        return { url: superuserUrl, close: () => db.stop() };
      },
      async destroy() {
        await stopServer(server);
        // Only left running when the server was killed: its PostgreSQL runs in a process group of its own.
        if (existsSync(join(dataDir, 'postmaster.pid'))) {
          const pid = postmasterPid();
          if (processAlive(pid)) process.kill(pid, 'SIGKILL');
          await waitGone(pid);
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const cluster: ThrowawayCluster = await startThrowawayCluster();
  try {
    await provisionRoles(cluster.url, 'renda');
    const server = await spawnServer(
      {
        ...serverEnv(port),
        DATABASE_URL: roleUrl(cluster.url, 'renda', 'app'),
        MIGRATION_DATABASE_URL: roleUrl(cluster.url, 'renda', 'owner'),
      },
      120_000,
    );
    const superuserUrl = new URL(cluster.url);
    superuserUrl.pathname = '/renda';
    return {
      mode,
      base,
      server,
      superuserUrl: superuserUrl.toString(),
      postmasterPid: () => cluster.pid(),
      async killPostgres() {
        await cluster.kill();
        // The platform (systemd, Kubernetes, CloudNativePG) starts it again; a second later here.
        await sleep(1000);
        await cluster.start();
      },
      restartPostgres: () => cluster.restart(),
      reopenAfterExit: async () => ({ url: superuserUrl.toString(), close: async () => undefined }),
      async destroy() {
        await stopServer(server);
        await cluster.destroy();
      },
    };
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
}
