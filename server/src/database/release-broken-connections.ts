import type { Pool, PoolClient } from 'pg';

/**
 * Gives a checked-out connection back to the pool (which then discards it) the moment its socket
 * breaks. Kysely, under MikroORM, releases a transaction's connection only after a successful BEGIN,
 * COMMIT or ROLLBACK; when PostgreSQL dies or restarts mid-transaction those fail, the connection
 * would stay checked out forever, and the pool would shrink with every outage until it hangs (and so
 * would `pool.end()` at shutdown). A broken connection cannot run anything any more, so nobody else
 * will release it.
 */
export function releaseBrokenConnections(pool: Pool): void {
  const listeners = new WeakMap<PoolClient, (error: Error) => void>();
  pool.on('acquire', (client) => {
    const onError = (error: Error) => {
      listeners.delete(client);
      client.release(error);
    };
    listeners.set(client, onError);
    client.once('error', onError);
  });
  pool.on('release', (_error, client) => {
    const onError = listeners.get(client);
    if (!onError) return;
    listeners.delete(client);
    client.removeListener('error', onError);
  });
}
