import { localPostgresHost, type LocalPostgres } from '../database/local-postgres.js';
import { findPostgresBinDir } from './replication-pair.js';

/** A PostgreSQL of Debian's binaries on loopback that a test may kill, restart and throw away. */
export interface ThrowawayCluster extends LocalPostgres {
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const host = await localPostgresHost(findPostgresBinDir(), 'renda-fault-pg-');
  try {
    const server = await host.add('data', ['fsync = off', 'max_connections = 100']);
    return { ...server, destroy: host.stop };
  } catch (error) {
    await host.stop();
    throw error;
  }
}
