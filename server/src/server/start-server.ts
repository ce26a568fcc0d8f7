import { createServer, type Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config/app-config.js';
import type { Logger } from '../common/logging/logger.js';
import { openDatabase, type OpenDatabase } from '../database/open-database.js';
import { createOrm } from '../database/create-orm.js';
import { StatementCounter } from '../database/statement-counter.js';
import { buildGraphQLSchema } from '../graphql/build-graphql-schema.js';
import { createHttpApp } from '../http/create-http-app.js';
import { seedIfEmpty } from '../seed/seed-database.js';

export interface RunningServer {
  url: string;
  port: number;
  orm: MikroORM;
  database: OpenDatabase;
  statements: StatementCounter;
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
 * Boots the platform: database (embedded unless DATABASE_URL), migrations, seed data when empty,
 * GraphQL over HTTP. `stop` drains HTTP, closes the pool and stops an embedded database.
 */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const database = await openDatabase(config);
  const statements = new StatementCounter();
  const orm = await createOrm({ clientUrl: database.url, statementCounter: statements });
  try {
    const migrated = await orm.migrator.up();
    if (migrated.length > 0) logger.info('migrations applied', { migrations: migrated.map((m) => m.name) });
    if (config.seedWhenEmpty) {
      const rows = await seedIfEmpty(orm);
      if (rows > 0) logger.info('seed data loaded', { rows });
    }
    const httpServer = createServer();
    const { app, apollo } = await createHttpApp({
      orm,
      schema: await buildGraphQLSchema(),
      httpServer,
      production: config.production,
      logger,
    });
    httpServer.on('request', app);
    const port = await listen(httpServer, config.port);
    return {
      url: `http://localhost:${port}/graphql`,
      port,
      orm,
      database,
      statements,
      stop: async () => {
        await apollo.stop();
        await orm.close();
        await database.close();
      },
    };
  } catch (error) {
    await orm.close();
    await database.close();
    throw error;
  }
}
