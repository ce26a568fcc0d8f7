import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadAppConfig, findRepoRoot } from '../config/app-config.js';
import { createLogger } from '../common/logging/logger.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../database/embedded-database.js';
import { provisionRoles, roleUrl } from '../database/provision-roles.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { freePort } from '../common/net/free-port.js';
import { TEST_JWT_SECRET } from '../test-support/test-server.js';

/** Polls `url` until it answers `status` (or the deadline passes); returns how long that took. */
async function waitForStatus(url: string, status: number, timeoutMs = 20_000): Promise<number> {
  const started = Date.now();
  let last = 0;
  while (Date.now() - started < timeoutMs) {
    last = (await fetch(url)).status;
    if (last === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} still answers ${last} after ${timeoutMs} ms, expected ${status}`);
}

describe('readiness follows the database', () => {
  // A PostgreSQL of its own: stopping the shared test cluster would break every other test file.
  const dataDir = join(findRepoRoot(), '.data', `test-readiness-pg-${process.pid}`);
  let port: number;
  let pg: EmbeddedDatabase | null = null;
  let server: RunningServer;
  let base: string;

  const startPg = async () => {
    pg = await startEmbeddedDatabase({ dataDir, port, databaseName: 'postgres' });
  };

  beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    port = await freePort();
    await startPg();
    await provisionRoles(pg!.url, 'renda');
    server = await startServer(
      {
        ...loadAppConfig({}),
        port: 0,
        databaseUrl: roleUrl(pg!.url, 'renda', 'app'),
        migrationDatabaseUrl: roleUrl(pg!.url, 'renda', 'owner'),
        seedWhenEmpty: false,
        jwtSecret: TEST_JWT_SECRET,
      },
      createLogger(true),
    );
    base = server.url.replace(/\/graphql$/, '');
  });

  afterAll(async () => {
    await server?.stop();
    await pg?.stop();
    rmSync(pg?.dataDir ?? dataDir, { recursive: true, force: true });
  });

  it('is ready, turns not ready when PostgreSQL stops (liveness unaffected), and ready again when it returns', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    await pg!.stop();
    pg = null;
    await waitForStatus(`${base}/readyz`, 503);
    const body = (await (await fetch(`${base}/readyz`)).json()) as { reason: string };
    expect(body.reason).toMatch(/^database: /);
    expect((await fetch(`${base}/livez`)).status).toBe(200);

    await startPg();
    await waitForStatus(`${base}/readyz`, 200);
    // The pool recovered too: a real query goes through again.
    const [row] = await server.orm.em.fork().execute<{ ok: number }[]>('select 1 as ok');
    expect(row?.ok).toBe(1);
  });
});
