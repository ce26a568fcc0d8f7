import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppConfig {
  /** HTTP port of the API (and, later, the dashboard). */
  port: number;
  /** When set, the server uses this PostgreSQL (as the application role) instead of an embedded one. */
  databaseUrl: string | null;
  /** The owner role's URL for migrations; defaults to `databaseUrl` (then refused if that role is privileged). */
  migrationDatabaseUrl: string | null;
  /** Port of the embedded PostgreSQL. */
  embeddedPgPort: number;
  /** Data folder of the embedded PostgreSQL, kept between runs. */
  embeddedPgDir: string;
  /** Database created inside the embedded PostgreSQL. */
  databaseName: string;
  production: boolean;
  /** Load the seed data when the database holds no county yet (default: yes, except in production). */
  seedWhenEmpty: boolean;
  /** HMAC secret signing login tokens; required in production. */
  jwtSecret: string | null;
  /** Lifetime of a login token, in seconds (at most a day). */
  tokenTtlSeconds: number;
  /**
   * Express `trust proxy`: the proxies (addresses, CIDRs or Express's names such as `loopback`) whose
   * `X-Forwarded-For` gives the client address. Empty: the socket's peer is the client.
   */
  trustedProxies: string[];
  /** Pool size of the application role's connections (per node: the primary and each replica). */
  poolMax: number;
  /** Read replicas (as the application role): read-only operations run there, writes on the primary. */
  replicaUrls: string[];
  /** Migrate (and seed when empty) at start-up; off where a migration job runs before the rollout. */
  migrateOnStart: boolean;
  /** Serve /metrics on this port only (kept off the public port); null: on the main port. */
  metricsPort: number | null;
  /** After SIGTERM, keep serving (readiness failing) this long before closing the listener. */
  shutdownDelayMs: number;
  /** How long in-flight requests may take to finish once the listener is closed. */
  shutdownTimeoutMs: number;
  /** Test-only hooks (a slow-request header); refused with NODE_ENV=production. */
  testHooks: boolean;
  /** General rate limit: requests per window per signed-in user and per client address (0: off). */
  rateLimit: { perUser: number; perAddress: number; windowSeconds: number };
  /** The application role's sessions: statement_timeout, lock_timeout, idle_in_transaction_session_timeout (ms, 0 = none). */
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  /** Connections one township (or one county user) may hold at once. */
  tenantMaxConnections: number;
  /** How long a request over that share waits for its turn before it gets TIMEOUT. */
  tenantQueueTimeoutMs: number;
  /** Byte budget of the query result cache (0: off). */
  resultCacheBytes: number;
  /** Registered operations, hash → document (tests); by default the built dashboard's manifest. */
  persistedOperations?: ReadonlyMap<string, string>;
}

/** The default byte budget of the query result cache, in MiB (RENDA_RESULT_CACHE_MB). */
export const DEFAULT_RESULT_CACHE_MB = 64;

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

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function nonNegativeInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** A comma-separated list (URLs, proxy addresses). */
function urlList(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
}

function tokenTtl(env: NodeJS.ProcessEnv): number {
  const seconds = positiveInt(env, 'RENDA_TOKEN_TTL_SECONDS', 8 * 3600);
  if (seconds > 24 * 3600) throw new Error(`RENDA_TOKEN_TTL_SECONDS is capped at 86400 (a day), got ${seconds}`);
  return seconds;
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const poolMax = positiveInt(env, 'RENDA_DB_POOL_MAX', 10);
  return {
    port: intFromEnv(env, 'PORT', 4000),
    databaseUrl: env['DATABASE_URL'] || null,
    migrationDatabaseUrl: env['MIGRATION_DATABASE_URL'] || null,
    embeddedPgPort: intFromEnv(env, 'RENDA_PG_PORT', 54329),
    embeddedPgDir: resolve(env['RENDA_PG_DIR'] || join(findRepoRoot(), '.data', 'pg')),
    databaseName: env['RENDA_DB_NAME'] || 'renda',
    production: env['NODE_ENV'] === 'production',
    // The demonstration county is for trying Renda out: a production database starts empty unless asked.
    seedWhenEmpty: env['RENDA_SEED'] ? env['RENDA_SEED'] !== 'false' : env['NODE_ENV'] !== 'production',
    jwtSecret: env['RENDA_JWT_SECRET'] || null,
    tokenTtlSeconds: tokenTtl(env),
    trustedProxies: urlList(env, 'RENDA_TRUSTED_PROXIES'),
    poolMax,
    replicaUrls: urlList(env, 'DATABASE_REPLICA_URLS'),
    migrateOnStart: env['RENDA_MIGRATE_ON_START'] !== 'false',
    metricsPort: env['RENDA_METRICS_PORT'] ? intFromEnv(env, 'RENDA_METRICS_PORT', 9464) : null,
    shutdownDelayMs: nonNegativeInt(env, 'RENDA_SHUTDOWN_DELAY_MS', 0),
    shutdownTimeoutMs: positiveInt(env, 'RENDA_SHUTDOWN_TIMEOUT_MS', 10_000),
    testHooks: env['RENDA_TEST_HOOKS'] === 'true',
    rateLimit: {
      perUser: nonNegativeInt(env, 'RENDA_RATE_LIMIT_PER_USER', 3000),
      perAddress: nonNegativeInt(env, 'RENDA_RATE_LIMIT_PER_IP', 12_000),
      windowSeconds: positiveInt(env, 'RENDA_RATE_WINDOW_SECONDS', 60),
    },
    statementTimeoutMs: nonNegativeInt(env, 'RENDA_DB_STATEMENT_TIMEOUT_MS', 30_000),
    lockTimeoutMs: nonNegativeInt(env, 'RENDA_DB_LOCK_TIMEOUT_MS', 5_000),
    idleInTransactionTimeoutMs: nonNegativeInt(env, 'RENDA_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000),
    // Half the pool by default: a township stuck behind a lock leaves the other half to everyone else.
    tenantMaxConnections: Math.min(
      positiveInt(env, 'RENDA_TENANT_MAX_CONNECTIONS', Math.max(1, Math.floor(poolMax / 2))),
      poolMax,
    ),
    tenantQueueTimeoutMs: positiveInt(env, 'RENDA_TENANT_QUEUE_TIMEOUT_MS', 5_000),
    resultCacheBytes: nonNegativeInt(env, 'RENDA_RESULT_CACHE_MB', DEFAULT_RESULT_CACHE_MB) * 1024 * 1024,
  };
}
