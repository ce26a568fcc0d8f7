import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { Station } from './station.entity.js';

export const stationLoaders = {
  byTownship: (ctx: RequestContext) => childLists(ctx, Station, 'township', { name: 'asc' }),
};
