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

export interface HttpAppOptions {
  orm: MikroORM;
  schema: GraphQLSchema;
  httpServer: Server;
  production: boolean;
  logger: ErrorLogger;
}

export interface HttpApp {
  app: Express;
  apollo: ApolloServer<RequestContext>;
}

/** Express app serving GraphQL at /graphql; the request context (EM fork, loaders) is built per request. */
export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: !options.production,
    introspection: !options.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })],
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
      context: async () => createRequestContext(options.orm),
    }),
  );
  return { app, apollo };
}
