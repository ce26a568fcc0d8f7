import { createServer, type IncomingMessage, type Server } from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { identitySettings, verifyToken } from './identity.js';

export interface PostGraphileOptions {
  appUrl: string;
  jwtSecret: string;
  poolMax: number;
}

/**
 * PostGraphile v5 over the same database as the app role, same pool size. The identity reaches
 * PostgreSQL through pgSettings, which PostGraphile applies per request as
 * begin → select set_config(…, true) → queries → commit: the API's own wrapper.
 */
export async function createPostGraphileServer(
  options: PostGraphileOptions,
): Promise<{ server: Server; close(): Promise<void> }> {
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset],
    // Ordering by any column (v4's ignoreIndexes): the API orders townships by code and deputies by name,
    // which lead no index of their own.
    disablePlugins: ['PgIndexBehaviorsPlugin'],
    pgServices: [
      makePgService({ connectionString: options.appUrl, schemas: ['public'], poolConfig: { max: options.poolMax } }),
    ],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
    grafast: {
      explain: false,
      async context(requestContext) {
        const request = (requestContext as { node?: { req?: IncomingMessage } }).node?.req;
        const identity = await verifyToken(options.jwtSecret, request?.headers.authorization);
        return { pgSettings: identitySettings(identity) };
      },
    },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  await serv.addTo(server);
  return {
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pgl.release();
    },
  };
}
