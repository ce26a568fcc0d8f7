import type { AppConfig } from '../config/app-config.js';
import type { PostgresLogSink } from './postgres-log.js';
import { provisionRoles, roleUrl } from './provision-roles.js';

export interface OpenDatabase {
  /** Runs migrations and maintenance: owns the tables. */
  ownerUrl: string;
  /** Serves requests: row-level security always applies to it. */
  appUrl: string;
  /** Read replicas as the application role (DATABASE_REPLICA_URLS); none for the embedded server. */
  replicaUrls: string[];
  embedded: boolean;
  /** The embedded PostgreSQL's postmaster pid (null with DATABASE_URL, or while it restarts). */
  embeddedPid(): number | null;
  close(): Promise<void>;
}

/**
 * DATABASE_URL (the application role) and MIGRATION_DATABASE_URL (the owner) when given; otherwise a
 * real embedded PostgreSQL under `.data/pg` with both roles provisioned.
 */
export async function openDatabase(config: AppConfig, log?: PostgresLogSink): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    return {
      appUrl: config.databaseUrl,
      ownerUrl: config.migrationDatabaseUrl ?? config.databaseUrl,
      replicaUrls: config.replicaUrls,
      embedded: false,
      embeddedPid: () => null,
      close: async () => undefined,
    };
  }
  // Loaded only here: production images leave the embedded PostgreSQL binaries out.
  const { startEmbeddedDatabase } = await import('./embedded-database.js');
  const embedded = await startEmbeddedDatabase({
    dataDir: config.embeddedPgDir,
    port: config.embeddedPgPort,
    databaseName: 'postgres',
    ...(log ? { log } : {}),
  });
  try {
    await provisionRoles(embedded.url, config.databaseName);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return {
    ownerUrl: roleUrl(embedded.url, config.databaseName, 'owner'),
    appUrl: roleUrl(embedded.url, config.databaseName, 'app'),
    replicaUrls: [],
    embedded: true,
    embeddedPid: () => embedded.pid(),
    close: () => embedded.stop(),
  };
}
