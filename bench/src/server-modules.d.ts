// The server compiles without declarations (it is an application, not a library), so the few entry
// points the harness uses are declared here, narrowed to what the harness touches.
declare module '@renda/server/dist/database/create-orm.js' {
  export interface BenchOrm {
    migrator: { up(): Promise<unknown> };
    close(): Promise<void>;
  }
  export function createOrm(options: { clientUrl: string }): Promise<BenchOrm>;
}

declare module '@renda/server/dist/database/provision-roles.js' {
  export function provisionRoles(superuserUrl: string, databaseName: string): Promise<void>;
  export function roleUrl(baseUrl: string, database: string, role: 'owner' | 'app'): string;
}

declare module '@renda/server/dist/modules/auth/password-hasher.js' {
  export const passwordHasher: { hash(password: string): Promise<string> };
}

declare module '@renda/server/dist/seed/seed-demo-users.js' {
  export const DEMO_PASSWORD: string;
}

declare module '@renda/server/dist/server/node-flags.js' {
  export const SERVER_NODE_FLAGS: readonly string[];
}

declare module '@renda/server/dist/config/app-config.js' {
  export interface AppConfig {
    port: number;
    databaseUrl: string | null;
    migrationDatabaseUrl: string | null;
    seedWhenEmpty: boolean;
    migrateOnStart: boolean;
    jwtSecret: string | null;
    poolMax: number;
    production: boolean;
    testHooks: boolean;
    rateLimit: { perUser: number; perAddress: number; windowSeconds: number };
    /** Byte budget of the result cache (0: off). */
    resultCacheBytes: number;
  }
  export function loadAppConfig(env?: NodeJS.ProcessEnv): AppConfig;
  export function findRepoRoot(from?: string): string;
}

declare module '@renda/server/dist/common/logging/logger.js' {
  export type Logger = object;
  export function createLogger(options: boolean | { level?: string }): Logger;
}

declare module '@renda/server/dist/server/start-server.js' {
  import type { AppConfig } from '@renda/server/dist/config/app-config.js';
  import type { Logger } from '@renda/server/dist/common/logging/logger.js';
  export interface RunningServer {
    url: string;
    port: number;
    statements: { total: number; transactionControl: number; sessionSetup: number };
    stop(): Promise<void>;
  }
  export function startServer(config: AppConfig, logger: Logger): Promise<RunningServer>;
}

declare module '@renda/server/dist/database/postgres-run-as.js' {
  export interface RunAs {
    uid: number;
    gid: number;
  }
  export function postgresRunAs(): Promise<RunAs | null>;
}

declare module '@renda/server/dist/database/citus/distribute.js' {
  export function distributeByCounty(run: (sql: string) => Promise<unknown[]>): Promise<void>;
}

declare module '@renda/server/dist/database/shard-plan.js' {
  export const DISTRIBUTION_COLUMN: string;
  export const DISTRIBUTED_TABLES: readonly string[];
  export const REFERENCE_TABLES: readonly string[];
}

declare module '@renda/server/dist/database/database-roles.js' {
  export const DATABASE_ROLES: { owner: string; app: string; analyst: string };
}

declare module '@renda/server/dist/database/citus/local-cluster.js' {
  export interface CitusClusterAddress {
    coordinator: number;
    workers: number[];
  }
  export function attachCitusDatabase(cluster: CitusClusterAddress, database: string, owner: string): Promise<void>;
  export function dropCitusDatabase(cluster: CitusClusterAddress, database: string): Promise<void>;
}

declare module '@renda/server/dist/common/net/free-port.js' {
  export function freePort(): Promise<number>;
}
