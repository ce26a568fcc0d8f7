import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppConfig {
  /** HTTP port of the API (and, later, the dashboard). */
  port: number;
  /** When set, the server uses this PostgreSQL instead of starting an embedded one. */
  databaseUrl: string | null;
  /** Port of the embedded PostgreSQL. */
  embeddedPgPort: number;
  /** Data folder of the embedded PostgreSQL, kept between runs. */
  embeddedPgDir: string;
  /** Database created inside the embedded PostgreSQL. */
  databaseName: string;
  production: boolean;
  /** Load the seed data when the database holds no county yet. */
  seedWhenEmpty: boolean;
}

/** The repository root: the nearest folder above this file that holds lerna.json. */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'lerna.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no lerna.json above ${from}`);
    dir = parent;
  }
  return dir;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: intFromEnv(env, 'PORT', 4000),
    databaseUrl: env['DATABASE_URL'] || null,
    embeddedPgPort: intFromEnv(env, 'RENDA_PG_PORT', 54329),
    embeddedPgDir: resolve(env['RENDA_PG_DIR'] || join(findRepoRoot(), '.data', 'pg')),
    databaseName: env['RENDA_DB_NAME'] || 'renda',
    production: env['NODE_ENV'] === 'production',
    seedWhenEmpty: env['RENDA_SEED'] !== 'false',
  };
}
