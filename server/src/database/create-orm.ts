import { MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { entityClasses } from './entity-classes.js';
import { migrationList } from '../migrations/migration-list.js';
import { StatementCounter } from './statement-counter.js';
import { sslOptionsFromUrl } from './ssl-options.js';
import { releaseBrokenConnections } from './release-broken-connections.js';
import { HeldStatementsClient } from './held-statements-client.js';

export interface CreateOrmOptions {
  clientUrl: string;
  /** Connections the pool may open. */
  poolMax?: number;
  statementCounter?: StatementCounter;
  debug?: boolean;
  /** Read replicas of `clientUrl`'s database, same role: see begin-on-replica.ts for what runs there. */
  replicaUrls?: string[];
  /** Called with each connection pool once it exists (`primary`, `replica-0`, …), for pool metrics. */
  onPoolCreated?: (name: string, pool: Pool) => void;
  /**
   * Session limits sent with every connection (the application role's pools; 0 or absent = none), so
   * a stuck statement, a lock wait or an abandoned transaction frees its connection.
   */
  sessionTimeouts?: { statementMs: number; lockMs: number; idleInTransactionMs: number };
}

export function ormOptions(options: CreateOrmOptions): Options {
  const counter = options.statementCounter ?? new StatementCounter();
  const onPoolCreated = options.onPoolCreated;
  const timeouts = options.sessionTimeouts;
  const poolOptions = (name: string, url: string) => {
    const ssl = sslOptionsFromUrl(url);
    return {
      // BEGIN, and a read-only transaction's end, travel with the next statement (held-statements-client.ts).
      Client: HeldStatementsClient,
      // An unreachable database fails a request (and the readiness probe) in seconds instead of hanging it.
      connectionTimeoutMillis: 5000,
      ...(timeouts
        ? {
            statement_timeout: timeouts.statementMs,
            lock_timeout: timeouts.lockMs,
            idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
          }
        : {}),
      ...(ssl ? { ssl } : {}),
      onPoolCreated: (pool: Pool) => {
        releaseBrokenConnections(pool);
        onPoolCreated?.(name, pool);
      },
    };
  };
  return {
    clientUrl: options.clientUrl,
    driverOptions: poolOptions('primary', options.clientUrl),
    replicas: (options.replicaUrls ?? []).map((clientUrl, i) => ({
      name: `replica-${i}`,
      clientUrl,
      driverOptions: poolOptions(`replica-${i}`, clientUrl),
    })),
    // Replicas only serve what is sent there on purpose (read-only request transactions). By default the
    // ORM would send every query outside a transaction to one, and a replica may lag behind a write.
    preferReadReplicas: false,
    entities: entityClasses,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    // Explicit list: migrations are compiled with the app and never discovered from the file system.
    migrations: {
      migrationsList: migrationList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    // Row-level security, the audit trigger and their functions are hand-written in migrations (see
    // the tenancy migration); the schema diff leaves them alone and rls-catalog.test.ts guards them.
    // county_data_change is no entity (re-seeding truncates the entities' tables; the data version must only rise).
    schemaGenerator: {
      ignorePolicies: true,
      ignoreTriggers: true,
      ignoreRoutines: true,
      skipTables: ['county_data_change'],
    },
    debug: options.debug ?? false,
    loggerFactory: counter.loggerFactory(),
    // Requests always work in an explicit fork; a stray use of the global EntityManager is a bug.
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
}

export async function createOrm(options: CreateOrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormOptions(options));
}
