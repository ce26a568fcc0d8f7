import type { RequestContext } from './request-context.js';
import { applyIdentity } from './apply-identity.js';

/**
 * Each GraphQL operation runs in one transaction carrying its identity: queries read-only, mutations
 * all-or-nothing (any error rolls the whole operation back).
 */
export async function beginRequestTransaction(ctx: RequestContext, readOnly: boolean): Promise<void> {
  await ctx.em.begin({ readOnly });
  ctx.transaction.open = true;
  if (ctx.identity) await applyIdentity(ctx.em, ctx.identity);
}

export async function endRequestTransaction(ctx: RequestContext, failed: boolean): Promise<void> {
  if (!ctx.transaction.open) return;
  ctx.transaction.open = false;
  if (failed) await ctx.em.rollback();
  else await ctx.em.commit();
}
