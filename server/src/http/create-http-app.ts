import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { createErrorFormatter } from '../common/errors/format-graphql-error.js';
import type { Logger } from '../common/logging/logger.js';
import { toApolloLogger } from '../common/logging/to-apollo-logger.js';
import { createRequestContext } from '../tenancy/create-request-context.js';
import type { RequestContext } from '../tenancy/request-context.js';
import type { TokenService } from '../modules/auth/token-service.js';
import { requestTransactionPlugin } from './request-transaction-plugin.js';
import type { TenantBulkhead } from './tenant-bulkhead.js';
import { csvExportRoute } from './csv-export-route.js';
import { createGraphQLSecurity } from '../graphql/security/create-graphql-security.js';
import type { Metrics } from '../observability/metrics.js';
import type { Readiness } from '../observability/readiness.js';
import { metricsPlugin } from '../observability/metrics-plugin.js';
import { createHealthRouter } from '../observability/create-health-router.js';
import { requestIdMiddleware } from './request-id-middleware.js';
import { incomingRequest } from './incoming-request.js';
import { accessLogMiddleware } from './access-log-middleware.js';
import { testDelayPlugin } from './test-delay-plugin.js';
import { defaultDashboardDir, serveDashboard } from './serve-dashboard.js';
import { securityHeaders } from './security-headers.js';
import { RateLimit, rateLimitMiddleware, type RateLimitOptions } from './rate-limit-middleware.js';
import { graphqlFastPath } from './graphql-fast-path.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonErrorHandler, jsonNotFound, MAX_BODY_BYTES } from './json-error-handler.js';
import { retryAfterPlugin } from './retry-after-plugin.js';
import { apiTokenScopePlugin } from '../modules/api-token/api-token-scope-plugin.js';
import { inputHygienePlugin } from '../graphql/input-hygiene/input-hygiene-plugin.js';
import { ResultCache } from '../graphql/result-cache/result-cache.js';
import { DEFAULT_RESULT_CACHE_MB } from '../config/app-config.js';
import {
  lookUpAnswer,
  resultCachePlugin,
  type ResolvedOperation,
} from '../graphql/result-cache/result-cache-plugin.js';
import {
  loadPersistedOperations,
  persistedOperationsMiddleware,
} from '../graphql/result-cache/persisted-operations.js';

export interface HttpAppOptions {
  orm: MikroORM;
  schema: GraphQLSchema;
  httpServer: Server;
  production: boolean;
  logger: Logger;
  tokens: TokenService;
  metrics: Metrics;
  readiness: Readiness;
  /** Serve /metrics on this app (false when a separate metrics port serves it). */
  exposeMetrics: boolean;
  /** Read-only operations go to read replicas when the ORM has one or more. */
  replicaReads: boolean;
  /** How long in-flight requests may run once stop() began. */
  shutdownTimeoutMs: number;
  /** Install test-only hooks (see test-delay-plugin.ts). */
  testHooks: boolean;
  /** The general per-user and per-address rate limit. */
  rateLimit: RateLimitOptions;
  /** Per-township share of the pool (see tenant-bulkhead.ts); none when absent. */
  bulkhead?: TenantBulkhead;
  /** Proxies whose X-Forwarded-For names the client (Express `trust proxy`); empty: trust none. */
  trustedProxies?: string[];
  /** Byte budget of the query result cache (server/README.md, Result cache); 0 turns it off. */
  resultCacheBytes?: number;
  /** Registered operations, hash → document; by default the built dashboard's manifest. */
  persistedOperations?: ReadonlyMap<string, string>;
}

export interface HttpApp {
  app: Express;
  /**
   * Answers the plain POST /graphql without Express (graphql-fast-path.ts) and returns true, or returns
   * false for the request to go to `app`.
   */
  fastPath: (req: IncomingMessage, res: ServerResponse) => boolean;
  apollo: ApolloServer<RequestContext>;
  /** null when turned off. */
  resultCache: ResultCache | null;
}

/**
 * Express app serving GraphQL at /graphql. Per request: identity from the bearer token, an EM fork and
 * loaders (context), then one transaction carrying the identity (plugin).
 */
export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const security = createGraphQLSecurity({ production: options.production });
  const cacheBytes = options.resultCacheBytes ?? DEFAULT_RESULT_CACHE_MB * 1024 * 1024;
  const resultCache = cacheBytes > 0 ? new ResultCache(cacheBytes) : null;
  const persistedOperations = options.persistedOperations ?? loadPersistedOperations(defaultDashboardDir());
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: createErrorFormatter(options.logger),
    logger: toApolloLogger(options.logger),
    includeStacktraceInErrorResponses: !options.production,
    // on in both modes: in production the introspection guard refuses anonymous callers only
    introspection: true,
    // main.ts owns SIGINT/SIGTERM: readiness first, then this server's stop, then the pool.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // persisted operations are the dashboard's registered ones (persisted-operations.ts), not Apollo's
    // automatic ones, which would let any client register documents in the server's memory
    persistedQueries: false,
    parseOptions: security.parseOptions,
    validationRules: security.validationRules,
    stringifyResult: security.stringifyResult,
    plugins: [
      // Responses are per identity and never HTTP-cached; the default cache-control plugin would wrap
      // every field resolver (thousands per comparison) for nothing.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({
        httpServer: options.httpServer,
        stopGracePeriodMillis: options.shutdownTimeoutMs,
      }),
      metricsPlugin<RequestContext>(options.metrics),
      retryAfterPlugin<RequestContext>(),
      apiTokenScopePlugin(),
      ...security.plugins,
      inputHygienePlugin<RequestContext>(),
      ...(options.testHooks ? [testDelayPlugin()] : []),
      requestTransactionPlugin({
        logger: options.logger,
        metrics: options.metrics,
        replicaReads: options.replicaReads,
        ...(options.bulkhead ? { bulkhead: options.bulkhead } : {}),
        // without a cache nothing is worth the probe's statement (a 304 is then found in the transaction)
        ...(resultCache
          ? {
              cachedAnswer: (requestContext: ResolvedOperation, dataVersion: string) => {
                const answer = lookUpAnswer(resultCache, requestContext, dataVersion);
                return answer && (answer.data || answer.notModified) ? answer : null;
              },
            }
          : {}),
      }),
      // after the transaction plugin: a lookup needs the data version its first statement read
      resultCachePlugin(resultCache, options.metrics),
    ],
  });
  await apollo.start();

  const context = (req: IncomingMessage, clientAddress?: string) =>
    createRequestContext(
      { orm: options.orm, tokens: options.tokens },
      incomingRequest(req, options.tokens, clientAddress),
    );
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every body it sends (sha1) for a weak ETag nobody uses: GraphQL GETs carry the
  // result cache's key as their ETag (result-cache-plugin.ts), assets serve-static's, and the
  // dashboard's page differs per response (its CSP nonce).
  app.set('etag', false);
  // req.ip (the login throttle's address) comes from X-Forwarded-For only through these proxies.
  const trustedProxies = options.trustedProxies ?? [];
  app.set('trust proxy', trustedProxies.length > 0 ? trustedProxies : false);
  app.use(requestIdMiddleware(), accessLogMiddleware(options.logger), securityHeaders());
  app.use(
    createHealthRouter({ readiness: options.readiness, metrics: options.exposeMetrics ? options.metrics : null }),
  );
  const rateLimit = new RateLimit(options.rateLimit, { tokens: options.tokens, logger: options.logger });
  app.use(rateLimitMiddleware(rateLimit));
  app.use(csvExportRoute(apollo, { orm: options.orm, tokens: options.tokens }));
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    persistedOperationsMiddleware(persistedOperations),
    expressMiddleware(apollo, { context: ({ req }) => context(req) }),
  );
  // last: the built dashboard at / (SPA fallback), when dashboard/dist exists
  serveDashboard(app);
  // last of all: every error Express would answer with its HTML page becomes coded JSON and a log line
  app.use(jsonNotFound(), jsonErrorHandler(options.logger));
  const fastPath = graphqlFastPath({
    apollo,
    context,
    trustedProxies,
    rateLimit,
    persistedOperations,
    logger: options.logger,
    metrics: options.metrics,
  });
  return { app, fastPath, apollo, resultCache };
}
