import type { EntityManager } from '@mikro-orm/postgresql';

/** Where a request transaction runs. */
export type TransactionTarget = 'primary' | 'replica';

export interface BeginOnReplicaResult {
  target: TransactionTarget;
  /** Why it went to the primary although replicas are configured (a replica could not open one). */
  fallbackError?: unknown;
}

/**
 * Opens `em`'s read-only transaction on a read replica when the ORM has one or more (a random one), else on
 * the primary. MikroORM's `em.begin()` always takes the write connection, so this begins on the read
 * connection and hands the transaction to `em`: every statement of the request (identity first, then
 * the resolvers' and loaders' queries) runs inside it, and `em.commit()`/`rollback()` end it as usual.
 * A replica that cannot open a transaction sends the request to the primary instead of failing it.
 */
export async function beginOnReplica(em: EntityManager): Promise<BeginOnReplicaResult> {
  const read = em.getConnection('read');
  if (read === em.getConnection('write')) {
    await em.begin({ readOnly: true });
    return { target: 'primary' };
  }
  try {
    em.setTransactionContext(await read.begin({ readOnly: true }));
    return { target: 'replica' };
  } catch (error) {
    await em.begin({ readOnly: true });
    return { target: 'primary', fallbackError: error };
  }
}
