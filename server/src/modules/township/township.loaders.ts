import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { Township } from './township.entity.js';

/** A county's townships: a small list that needs no pagination. */
export const townshipLoaders = {
  byCounty: (ctx: RequestContext) => childLists(ctx, Township, 'county', { code: 'asc' }),
};
