import type { RequestContext } from './request-context.js';
import { applyIdentity } from './apply-identity.js';
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
  // A revoked session runs with no identity applied, and the auth checker refuses every field.
  if (ctx.identity) {
    const applied = await applyIdentity(ctx.em, ctx.identity, { genericPlans: !readOnly });
    ctx.identityRevoked = !applied.valid;
    ctx.transaction.dataVersion = applied.dataVersion;
  }
  return result;
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
