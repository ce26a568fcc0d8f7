import type { RequestContext } from './request-context.js';
import { applyIdentity, deferIdentity } from './apply-identity.js';
import { beginOnReplica, type BeginOnReplicaResult } from '../database/begin-on-replica.js';

/**
 * Each GraphQL operation runs in one transaction carrying its identity: queries read-only, mutations
 * all-or-nothing (any error rolls the whole operation back). With `onReplica`, a read-only transaction
 * runs on a read replica when there is one; the identity is applied inside it all the same, so
 * row-level security (replicated with the schema) sees the same caller there.
 */
export async function beginRequestTransaction(
  ctx: RequestContext,
  readOnly: boolean,
  onReplica = false,
  minLsn?: string,
): Promise<BeginOnReplicaResult> {
  let result: BeginOnReplicaResult = { target: 'primary' };
  if (readOnly && onReplica) result = await beginOnReplica(ctx.em, minLsn);
  else await ctx.em.begin({ readOnly });
  ctx.transaction.open = true;
  if (!ctx.identity) return result;
  if (readOnly && !onReplica) {
    // Sent with the first statement; its answer is awaited before the response (identityChecked).
    ctx.transaction.identity = await deferIdentity(ctx.em, ctx.identity);
    return result;
  }
  // A write (and a replica's read) waits for the answer: a revoked session runs with no identity applied,
  // and the auth checker refuses every field.
  const applied = await applyIdentity(ctx.em, ctx.identity, { genericPlans: !readOnly });
  ctx.transaction.identity = () => Promise.resolve(applied);
  ctx.identityRevoked = !applied.valid;
  ctx.transaction.dataVersion = applied.dataVersion;
  return result;
}

/**
 * Waits for the identity statement's answer (sending it now if no statement has carried it yet) and
 * records it: whether the session stands (`identityRevoked`) and the county's data version. Nothing to wait
 * for when the transaction began without an identity.
 */
export async function identityChecked(ctx: RequestContext): Promise<void> {
  const answer = ctx.transaction.identity;
  if (!answer) return;
  const applied = await answer();
  ctx.identityRevoked = !applied.valid;
  ctx.transaction.dataVersion = applied.dataVersion;
}

/**
 * The primary's WAL position once a write committed: the caller sends it back (MIN_LSN_HEADER) so that
 * its next reads come from a replica only once that replica has replayed the write.
 */
export async function committedLsn(ctx: RequestContext): Promise<string | null> {
  const row = await ctx.em
    .getConnection('write')
    .execute<{ lsn: string | null }>('select pg_current_wal_lsn()::text as lsn', [], 'get');
  return row?.lsn ?? null;
}

export async function endRequestTransaction(ctx: RequestContext, failed: boolean): Promise<void> {
  if (!ctx.transaction.open) return;
  ctx.transaction.open = false;
  if (failed) await ctx.em.rollback();
  else await ctx.em.commit();
}
