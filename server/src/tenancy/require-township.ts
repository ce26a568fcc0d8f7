import type { RequestContext } from './request-context.js';
import type { Identity } from './identity.js';
import { AppError } from '../common/errors/app-error.js';

export interface TownshipScope {
  identity: Identity;
  townshipId: string;
  countyId: string;
}

/** The caller's own township, for writes: only township roles have one (RLS also requires a clerk). */
export function requireTownship(ctx: RequestContext): TownshipScope {
  const identity = ctx.identity;
  if (!identity?.townshipId) {
    throw new AppError({
      code: 'FORBIDDEN',
      messageZh: '只有乡镇文书可以录入本乡镇数据',
      messageEn: 'Only a township clerk records township data',
    });
  }
  return { identity, townshipId: identity.townshipId, countyId: identity.countyId };
}
