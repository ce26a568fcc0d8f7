import { createServer, type IncomingMessage, type Server } from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import type { WithPgClient } from 'postgraphile/@dataplan/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { identitySettings, verifyToken } from './identity.js';

export interface PostGraphileOptions {
  appUrl: string;
  jwtSecret: string;
  poolMax: number;
  /** On a Citus cluster: hand the identity to the workers as the API does (renda_share_settings). */
  shareSettings?: boolean;
}

/**
 * On a Citus cluster the identity must reach the workers, where row-level security filters the shards:
 * `set_config` only sets the coordinator's session, so the API's identity statement ends with
 * `renda_share_settings()` (database/citus/citus-functions.ts), which repeats every setting as a
 * propagated `SET LOCAL`. PostGraphile applies pgSettings with `set_config` in its own statement; this
 * wraps its `withPgClient` so the call follows them inside the same transaction. One statement more per
 * request than the API, which folds the call into its identity statement.
 */
const ShareSettingsPlugin: GraphileConfig.Plugin = {
  name: 'RendaBenchShareSettingsPlugin',
  version: '0.0.0',
  grafast: {
    middleware: {
      prepareArgs(next, { args }) {
        const result = next();
        const context = args.contextValue as { withPgClient?: WithPgClient };
        const inner = context.withPgClient;
        if (inner) {
          context.withPgClient = (settings, callback) =>
            inner(settings, async (client) => {
              await client.query({ text: 'select renda_share_settings()' });
              return callback(client);
            });
        }
        return result;
      },
    },
  },
};

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
    plugins: options.shareSettings ? [ShareSettingsPlugin] : [],
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
