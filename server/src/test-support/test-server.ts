import 'reflect-metadata';
import { loadAppConfig } from '../config/app-config.js';
import { createLogger, type Logger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/app-config.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { DEMO_PASSWORD } from '../seed/seed-demo-users.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { withDatabaseClient } from './test-cluster.js';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Who sends a request: a seeded login (`qunli.clerk`, `demo.analyst`, …), or null for anonymous. */
export interface AsOption {
  as?: string | null;
}

export interface TestServer {
  server: RunningServer;
  database: TestDatabase;
  /** POSTs one operation the way the dashboard does, signed in as `as` (default: the server's default user). */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: AsOption,
  ): Promise<GraphQLResponse<T>>;
  /** Runs one operation and returns how many SQL statements it caused (identity and transaction apart). */
  countStatements(
    query: string,
    variables?: Record<string, unknown>,
    options?: AsOption,
  ): Promise<{ statements: number; response: GraphQLResponse<Record<string, unknown>> }>;
  /** A bearer token for a seeded login (cached per login). */
  token(login: string): Promise<string>;
  /** Sends a raw request (any body, any headers) to /graphql, for transport-level checks. */
  post(body: unknown, headers?: Record<string, string>): Promise<RawResponse>;
  /** GETs /graphql with the given query-string parameters. */
  get(params: Record<string, string>, headers?: Record<string, string>): Promise<RawResponse>;
  stop(): Promise<void>;
}

export interface RawResponse {
  status: number;
  /** The body as text: refusals made before GraphQL runs need not be JSON. */
  text: string;
  /** The body parsed as a GraphQL response, or null when it is not JSON. */
  json: GraphQLResponse<Record<string, unknown>> | null;
}

export interface TestServerOptions {
  /** Run as NODE_ENV=production would: no anonymous introspection, no suggestions, no stack traces. */
  production?: boolean;
  /** Who `graphql()` signs in as when a call names nobody; null for anonymous. Default `demo.staff`. */
  defaultUser?: string | null;
  poolMax?: number;
  /** Where the server logs; silent by default (RENDA_TEST_LOG=1 shows it). */
  logger?: Logger;
  /** Any other configuration (replicas, test hooks, a metrics port, …). */
  config?: Partial<AppConfig>;
}

export const TEST_JWT_SECRET = 'renda-test-secret-that-is-long-enough-0123456789';

async function readRaw(response: Response): Promise<RawResponse> {
  const text = await response.text();
  let json: GraphQLResponse<Record<string, unknown>> | null = null;
  try {
    json = JSON.parse(text) as GraphQLResponse<Record<string, unknown>>;
  } catch {
    json = null;
  }
  return { status: response.status, text, json };
}

/** The real server on a random port over a fresh clone of the seeded database, as the app role. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  if (options.production) {
    // A production database has no demo accounts (the server refuses to start with them): these
    // stand for real accounts whose passwords were changed.
    await withDatabaseClient(database.url, (client) => client.query('update app_user set demo_credentials = false'));
  }
  const config = {
    ...loadAppConfig({}),
    port: 0,
    databaseUrl: database.appUrl,
    migrationDatabaseUrl: database.ownerUrl,
    seedWhenEmpty: false,
    production: options.production ?? false,
    jwtSecret: TEST_JWT_SECRET,
    poolMax: options.poolMax ?? 10,
    // Off unless a test asks for it: tests count the statements of repeated queries, which a cache would answer.
    resultCacheBytes: 0,
    ...options.config,
  };
  // RENDA_TEST_LOG=1 shows the server's log (unexpected errors included) while debugging a test.
  const server = await startServer(config, options.logger ?? createLogger(!process.env['RENDA_TEST_LOG']));
  const defaultUser = options.defaultUser === undefined ? 'demo.staff' : options.defaultUser;
  const tokens = new Map<string, string>();

  const send = async (body: unknown, headers: Record<string, string>): Promise<Response> =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  const token = async (login: string): Promise<string> => {
    const cached = tokens.get(login);
    if (cached) return cached;
    const response = await send(
      {
        query: 'mutation ($input: LoginInput!) { login(input: $input) { token } }',
        variables: { input: { login, password: DEMO_PASSWORD } },
      },
      {},
    );
    const body = (await response.json()) as GraphQLResponse<{ login: { token: string } }>;
    if (!body.data) throw new Error(`login as ${login} failed: ${JSON.stringify(body.errors)}`);
    tokens.set(login, body.data.login.token);
    return body.data.login.token;
  };

  const graphql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    as: AsOption = {},
  ): Promise<GraphQLResponse<T>> => {
    const login = as.as === undefined ? defaultUser : as.as;
    const headers: Record<string, string> = login ? { authorization: `Bearer ${await token(login)}` } : {};
    return (await (await send({ query, variables }, headers)).json()) as GraphQLResponse<T>;
  };

  return {
    server,
    database,
    graphql,
    token,
    async countStatements(query, variables, as) {
      const login = as?.as === undefined ? defaultUser : as.as;
      if (login) await token(login);
      const before = server.statements.total;
      const response = await graphql<Record<string, unknown>>(query, variables, as);
      return { statements: server.statements.total - before, response };
    },
    async post(body, headers = {}) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return readRaw(response);
    },
    async get(params, headers = {}) {
      const response = await fetch(`${server.url}?${new URLSearchParams(params).toString()}`, { headers });
      return readRaw(response);
    },
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
