import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config/app-config.js';
import { resolveJwtSecret } from '../config/resolve-jwt-secret.js';
import type { Logger } from '../common/logging/logger.js';
import { openDatabase, type OpenDatabase } from '../database/open-database.js';
import { createOrm } from '../database/create-orm.js';
import { StatementCounter } from '../database/statement-counter.js';
import { assertUnprivilegedRole } from '../database/assert-unprivileged-role.js';
import { buildGraphQLSchema } from '../graphql/build-graphql-schema.js';
import { createHttpApp } from '../http/create-http-app.js';
import { TenantBulkhead } from '../http/tenant-bulkhead.js';
import { ApiTokenAuthenticator } from '../modules/api-token/api-token-authenticator.js';
import { TokenService } from '../modules/auth/token-service.js';
import { Metrics } from '../observability/metrics.js';
import { Readiness } from '../observability/readiness.js';
import { startMetricsServer, type MetricsServer } from '../observability/start-metrics-server.js';
import { prepareDatabase } from './prepare-database.js';
import { clientErrorHandler } from '../http/client-error-handler.js';

export interface RunningServer {
  url: string;
  port: number;
  /** The application role's ORM (row-level security applies); with replicas when configured. */
  orm: MikroORM;
  database: OpenDatabase;
  statements: StatementCounter;
  tokens: TokenService;
  metrics: Metrics;
  readiness: Readiness;
  /** The separate metrics port, when RENDA_METRICS_PORT is set. */
  metricsPort: number | null;
  /**
   * Graceful stop: readiness fails at once; after `shutdownDelayMs` the listener closes and in-flight
   * requests finish (up to `shutdownTimeoutMs`); then the pools close and an embedded database stops.
   */
  stop(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Boots the platform: database (embedded unless DATABASE_URL), migrations and seed as the owner role
 * (unless a migration job does that), then GraphQL over HTTP as the unprivileged application role.
 */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  if (config.testHooks && config.production) throw new Error('RENDA_TEST_HOOKS is refused with NODE_ENV=production');
  const database = await openDatabase(config, logger);
  let orm: MikroORM | null = null;
  let metricsServer: MetricsServer | null = null;
  try {
    if (config.migrateOnStart) await prepareDatabase(config, database, logger);
    const statements = new StatementCounter();
    const metrics = new Metrics();
    orm = await createOrm({
      clientUrl: database.appUrl,
      replicaUrls: database.replicaUrls,
      statementCounter: statements,
      poolMax: config.poolMax,
      onPoolCreated: (name, pool) => metrics.trackPool(name, pool),
      sessionTimeouts: {
        statementMs: config.statementTimeoutMs,
        lockMs: config.lockTimeoutMs,
        idleInTransactionMs: config.idleInTransactionTimeoutMs,
      },
    });
    await assertUnprivilegedRole(orm);
    const appOrm = orm;
    const readiness = new Readiness(async () => {
      const check = await appOrm.checkConnection();
      if (!check.ok) throw check.error ?? new Error(check.reason);
    });
    const tokens = new TokenService(resolveJwtSecret(config), config.tokenTtlSeconds, [
      new ApiTokenAuthenticator(appOrm),
    ]);
    const httpServer = createServer();
    const { app, fastPath, apollo } = await createHttpApp({
      orm,
      schema: await buildGraphQLSchema(),
      httpServer,
      production: config.production,
      logger,
      tokens,
      metrics,
      readiness,
      // production never publishes /metrics on the public port: only on RENDA_METRICS_PORT, when set
      exposeMetrics: config.metricsPort === null && !config.production,
      rateLimit: config.rateLimit,
      replicaReads: database.replicaUrls.length > 0,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      testHooks: config.testHooks,
      bulkhead: new TenantBulkhead(config.tenantMaxConnections, config.tenantQueueTimeoutMs),
      trustedProxies: config.trustedProxies,
      resultCacheBytes: config.resultCacheBytes,
      ...(config.persistedOperations ? { persistedOperations: config.persistedOperations } : {}),
    });
    httpServer.on('request', (req, res) => {
      if (!fastPath(req, res)) void app(req, res);
    });
    httpServer.on('clientError', clientErrorHandler(logger));
    if (config.metricsPort !== null) metricsServer = await startMetricsServer(metrics, config.metricsPort);
    const port = await listen(httpServer, config.port);
    const openMetrics = metricsServer;
    return {
      url: `http://localhost:${port}/graphql`,
      port,
      orm: appOrm,
      database,
      statements,
      tokens,
      metrics,
      readiness,
      metricsPort: openMetrics?.port ?? null,
      stop: async () => {
        readiness.startShutdown();
        // Load balancers notice the failing readiness (or, on Kubernetes, the endpoint removal) only
        // after a moment; until then new requests still arrive and are served.
        if (config.shutdownDelayMs > 0) await sleep(config.shutdownDelayMs);
        await apollo.stop();
        await appOrm.close();
        logger.info('database connections closed');
        await openMetrics?.close();
        await database.close();
      },
    };
  } catch (error) {
    await metricsServer?.close();
    await orm?.close();
    await database.close();
    throw error;
  }
}
