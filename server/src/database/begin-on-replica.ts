import type { EntityManager } from '@mikro-orm/postgresql';

/** Where a request transaction runs. */
export type TransactionTarget = 'primary' | 'replica';

export interface BeginOnReplicaResult {
  target: TransactionTarget;
  /** Why it went to the primary although replicas are configured (a replica could not open one). */
  fallbackError?: unknown;
  /** It went to the primary because the replica had not yet replayed the caller's last write. */
  lagging?: boolean;
}

/** A PostgreSQL WAL position as `pg_current_wal_lsn()::text` writes it, e.g. `0/16B3748`. */
export const LSN_PATTERN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/**
 * Opens `em`'s read-only transaction on a read replica when the ORM has one or more (a random one), else on
 * the primary. MikroORM's `em.begin()` always takes the write connection, so this begins on the read
 * connection and hands the transaction to `em`: every statement of the request (identity first, then
 * the resolvers' and loaders' queries) runs inside it, and `em.commit()`/`rollback()` end it as usual.
 * A replica that cannot open a transaction sends the request to the primary instead of failing it.
 *
 * With `minLsn` (read-your-writes: the WAL position a caller's last write committed at), the replica
 * serves the request only once it has replayed that far; otherwise the primary does. The check is one
 * statement inside the replica's transaction, so the snapshot it vouches for is the one the request reads.
 */
export async function beginOnReplica(em: EntityManager, minLsn?: string): Promise<BeginOnReplicaResult> {
  const read = em.getConnection('read');
  if (read === em.getConnection('write')) {
    await em.begin({ readOnly: true });
    return { target: 'primary' };
  }
  let trx: Awaited<ReturnType<typeof read.begin>> | null = null;
  try {
    trx = await read.begin({ readOnly: true });
    if (minLsn) {
      const row = await read.execute<{ caught_up: boolean | null }>(
        'select pg_last_wal_replay_lsn() >= ?::pg_lsn as caught_up',
        [minLsn],
        'get',
        trx,
      );
      if (!row?.caught_up) {
        await read.rollback(trx);
        await em.begin({ readOnly: true });
        return { target: 'primary', lagging: true };
      }
    }
    em.setTransactionContext(trx);
    return { target: 'replica' };
  } catch (error) {
    if (trx) await read.rollback(trx).catch(() => undefined);
    await em.begin({ readOnly: true });
    return { target: 'primary', fallbackError: error };
  }
}
