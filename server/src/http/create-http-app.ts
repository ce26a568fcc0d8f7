import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { createErrorFormatter, type ErrorLogger } from '../common/errors/format-graphql-error.js';
import { createRequestContext } from '../common/context/create-request-context.js';
import type { RequestContext } from '../common/context/request-context.js';
import type { TokenService } from '../modules/auth/token-service.js';
import { requestTransactionPlugin } from './request-transaction-plugin.js';
import { createGraphQLSecurity } from '../graphql/security/create-graphql-security.js';

export interface HttpAppOptions {
  orm: MikroORM;
  schema: GraphQLSchema;
  httpServer: Server;
  production: boolean;
  logger: ErrorLogger;
  tokens: TokenService;
}

export interface HttpApp {
  app: Express;
  apollo: ApolloServer<RequestContext>;
}

/**
 * Express app serving GraphQL at /graphql. Per request: identity from the bearer token, an EM fork and
 * loaders (context), then one transaction carrying the identity (plugin).
 */
export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const security = createGraphQLSecurity({ production: options.production });
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: !options.production,
    // on in both modes: in production the introspection guard refuses anonymous callers only
    introspection: true,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: security.parseOptions,
    validationRules: security.validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer }),
      ...security.plugins,
      requestTransactionPlugin(options.logger),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: ({ req }) =>
        createRequestContext(
          { orm: options.orm, tokens: options.tokens },
          { authorization: req.headers.authorization, clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' },
        ),
    }),
  );
  return { app, apollo };
}
