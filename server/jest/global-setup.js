// Jest loads global setup with Node's own ESM loader (no TypeScript path mapping), so it uses the
// compiled server in dist/: run tests through `npm test`, which builds first.
import 'reflect-metadata';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const dist = new URL('../dist/', import.meta.url);
const ADMIN_URL_ENV = 'RENDA_TEST_ADMIN_URL';
const TEMPLATE_DB = 'renda_test_template';

async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * One real PostgreSQL for the whole run: embedded (fresh data folder) unless DATABASE_URL names a
 * server. A template database is migrated and seeded once; each test file clones it in milliseconds.
 */
export default async function globalSetup() {
  if (!existsSync(new URL('main.js', dist))) throw new Error('server/dist is missing: run `npm run build` first');
  const { startEmbeddedDatabase } = await import(new URL('database/embedded-database.js', dist).href);
  const { findRepoRoot } = await import(new URL('config/app-config.js', dist).href);
  // A port nobody listens on now, so concurrent test runs on one machine never collide.
  const { freePort } = await import(new URL('common/net/free-port.js', dist).href);

  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = join(findRepoRoot(), '.data', `test-pg-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    const port = process.env.RENDA_TEST_PG_PORT ? Number(process.env.RENDA_TEST_PG_PORT) : await freePort();
    const embedded = await startEmbeddedDatabase({ dataDir, port, databaseName: 'postgres' });
    globalThis.__rendaTestDatabaseStop = async () => {
      await embedded.stop();
      rmSync(embedded.dataDir, { recursive: true, force: true });
    };
    adminUrl = embedded.url;
  }
  await prepareTemplate(adminUrl);
}

/** The migrated, seeded template every test file clones, on the server `adminUrl` names (superuser). */
export async function prepareTemplate(adminUrl) {
  const { createOrm } = await import(new URL('database/create-orm.js', dist).href);
  const { reseed } = await import(new URL('seed/seed-database.js', dist).href);
  const { provisionRoles, roleUrl } = await import(new URL('database/provision-roles.js', dist).href);
  process.env[ADMIN_URL_ENV] = adminUrl;
  await admin(adminUrl, `drop database if exists ${TEMPLATE_DB} with (force)`);
  // Roles are cluster-wide; the template belongs to the owner role, as production databases do.
  await provisionRoles(adminUrl, TEMPLATE_DB);
  const orm = await createOrm({ clientUrl: roleUrl(adminUrl, TEMPLATE_DB, 'owner') });
  try {
    await orm.migrator.up();
    await reseed(orm);
  } finally {
    await orm.close();
  }
}
