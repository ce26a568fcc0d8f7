import 'reflect-metadata';
import { loadAppConfig } from '../config/app-config.js';
import { createLogger } from '../common/logging/logger.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  server: RunningServer;
  database: TestDatabase;
  /** POSTs one operation the way the dashboard does. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs one operation and returns how many SQL statements it caused. */
  countStatements(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ statements: number; response: GraphQLResponse<Record<string, unknown>> }>;
  stop(): Promise<void>;
}

/** The real server on a random port over a fresh clone of the seeded database. */
export async function startTestServer(): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = { ...loadAppConfig({}), port: 0, databaseUrl: database.url, seedWhenEmpty: false };
  const server = await startServer(config, createLogger(true));
  const graphql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  return {
    server,
    database,
    graphql,
    async countStatements(query, variables) {
      const before = server.statements.total;
      const response = await graphql<Record<string, unknown>>(query, variables);
      return { statements: server.statements.total - before, response };
    },
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
