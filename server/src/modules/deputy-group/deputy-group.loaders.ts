import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { DeputyGroup } from './deputy-group.entity.js';

export const deputyGroupLoaders = {
  byTownship: (ctx: RequestContext) => childLists(ctx, DeputyGroup, 'township', { name: 'asc' }),
};
