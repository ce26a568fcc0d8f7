import type { RequestContext } from './request-context.js';
import type { TenantEntity } from './tenant-entity.js';
import { County } from '../modules/county/county.entity.js';
import { Township } from '../modules/township/township.entity.js';

/** `township` and `county` of any tenant row, through the request's by-id loaders. */
export const tenantRelations = {
  township(ctx: RequestContext, row: TenantEntity): Promise<Township | null> {
    return ctx.loaders.byId(Township).load(row.township.id);
  },
  county(ctx: RequestContext, row: { county: { id: string } }): Promise<County | null> {
    return ctx.loaders.byId(County).load(row.county.id);
  },
};
