import type { RequestContext } from './request-context.js';
import type { Identity } from './identity.js';
import { accessErrors } from './access.errors.js';

export interface TownshipScope {
  identity: Identity;
  townshipId: string;
  countyId: string;
}

/** The caller's own township, for writes: only township roles have one (RLS also requires a clerk). */
export function requireTownship(ctx: RequestContext): TownshipScope {
  const identity = ctx.identity;
  if (!identity?.townshipId) {
    throw accessErrors.townshipClerkOnly();
  }
  return { identity, townshipId: identity.townshipId, countyId: identity.countyId };
}
