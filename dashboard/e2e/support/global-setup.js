// Browser tests run against the real thing: the compiled server (server/dist, as `npm start` runs it)
// serving the built dashboard (dashboard/dist) on a random port, over a fresh database that the server
// migrates and seeds itself. PostgreSQL is embedded (fresh folder) unless DATABASE_URL names a server
// (a superuser URL, as for the server's tests). Jest loads this file with Node's own ESM loader.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

const repoRoot = new URL('../../../', import.meta.url).pathname;
const serverDist = join(repoRoot, 'server', 'dist');
const E2E_SECRET = 'renda-e2e-secret-that-is-long-enough-0123456789';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForServer(baseUrl, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with code ${child.exitCode}: see artifacts/e2e-server.log`);
    try {
      const [live, page] = await Promise.all([fetch(`${baseUrl}/livez`), fetch(`${baseUrl}/`)]);
      if (live.ok && page.ok && (page.headers.get('content-type') ?? '').includes('text/html')) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not serve the dashboard within 90 s: see artifacts/e2e-server.log');
}

export default async function globalSetup() {
  if (!existsSync(join(serverDist, 'main.js'))) throw new Error('server/dist is missing: run `npm run build` first');
  if (!existsSync(join(repoRoot, 'dashboard', 'dist', 'index.html')))
    throw new Error('dashboard/dist is missing: run `npm run build` first');
  const { startEmbeddedDatabase } = await import(join(serverDist, 'database', 'embedded-database.js'));
  const { provisionRoles, roleUrl } = await import(join(serverDist, 'database', 'provision-roles.js'));

  const stops = [];
  globalThis.__rendaE2eStop = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };

  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = join(repoRoot, '.data', `e2e-pg-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    const embedded = await startEmbeddedDatabase({ dataDir, port: await freePort(), databaseName: 'postgres' });
    stops.push(async () => {
      await embedded.stop();
      rmSync(embedded.dataDir, { recursive: true, force: true });
    });
    adminUrl = embedded.url;
  }
  const database = `renda_e2e_${process.pid}`;
  await admin(adminUrl, `drop database if exists ${database} with (force)`);
  await provisionRoles(adminUrl, database);
  stops.push(() => admin(adminUrl, `drop database if exists ${database} with (force)`));

  const artifacts = join(repoRoot, 'artifacts');
  mkdirSync(join(artifacts, 'screenshots'), { recursive: true });
  const log = createWriteStream(join(artifacts, 'e2e-server.log'));
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    DATABASE_URL: roleUrl(adminUrl, database, 'app'),
    MIGRATION_DATABASE_URL: roleUrl(adminUrl, database, 'owner'),
    RENDA_JWT_SECRET: E2E_SECRET,
    RENDA_SEED: 'true',
    RENDA_LOG_LEVEL: 'warn',
  };
  delete env.RENDA_METRICS_PORT;
  const child = spawn(process.execPath, [join(serverDist, 'main.js')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  stops.push(
    () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(baseUrl, child, Date.now() + 90_000);
  } catch (error) {
    await globalThis.__rendaE2eStop();
    throw error;
  }
  process.env.RENDA_E2E_URL = baseUrl;
  // For tests that act as the operator (the renda command issues activation links).
  process.env.RENDA_E2E_DATABASE_URL = env.DATABASE_URL;
  process.env.RENDA_E2E_MIGRATION_DATABASE_URL = env.MIGRATION_DATABASE_URL;
}
