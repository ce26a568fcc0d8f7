import { createServer, type Server } from 'node:http';
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
import { seedIfEmpty } from '../seed/seed-database.js';
import { TokenService } from '../modules/auth/token-service.js';

export interface RunningServer {
  url: string;
  port: number;
  /** The application role's ORM (row-level security applies). */
  orm: MikroORM;
  database: OpenDatabase;
  statements: StatementCounter;
  tokens: TokenService;
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

/** As the owner: migrate, seed when empty, and refuse production while demo accounts are active. */
async function prepareDatabase(config: AppConfig, database: OpenDatabase, logger: Logger): Promise<void> {
  const owner = await createOrm({ clientUrl: database.ownerUrl, poolMax: 2 });
  try {
    const migrated = await owner.migrator.up();
    if (migrated.length > 0) logger.info('migrations applied', { migrations: migrated.map((m) => m.name) });
    if (config.seedWhenEmpty) {
      const rows = await seedIfEmpty(owner);
      if (rows > 0) logger.info('seed data loaded', { rows });
    }
    if (config.production) {
      const [row] = await owner.em
        .fork()
        .execute<{ n: string }[]>('select count(*) as n from app_user where demo_credentials and active');
      if (Number(row?.n ?? 0) > 0) {
        throw new Error(
          'refusing to start in production with active demo accounts: deactivate them or change their passwords',
        );
      }
    }
  } finally {
    await owner.close();
  }
}

/**
 * Boots the platform: database (embedded unless DATABASE_URL), migrations and seed as the owner role,
 * then GraphQL over HTTP as the unprivileged application role. `stop` drains HTTP, closes the pool and
 * stops an embedded database.
 */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const database = await openDatabase(config);
  let orm: MikroORM | null = null;
  try {
    await prepareDatabase(config, database, logger);
    const statements = new StatementCounter();
    orm = await createOrm({ clientUrl: database.appUrl, statementCounter: statements, poolMax: config.poolMax });
    await assertUnprivilegedRole(orm);
    const tokens = new TokenService(resolveJwtSecret(config), config.tokenTtlSeconds);
    const httpServer = createServer();
    const { app, apollo } = await createHttpApp({
      orm,
      schema: await buildGraphQLSchema(),
      httpServer,
      production: config.production,
      logger,
      tokens,
    });
    httpServer.on('request', app);
    const port = await listen(httpServer, config.port);
    const appOrm = orm;
    return {
      url: `http://localhost:${port}/graphql`,
      port,
      orm: appOrm,
      database,
      statements,
      tokens,
      stop: async () => {
        await apollo.stop();
        await appOrm.close();
        await database.close();
      },
    };
  } catch (error) {
    await orm?.close();
    await database.close();
    throw error;
  }
}
