import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { Station } from './station.entity.js';

export const stationLoaders = {
  byTownship: (ctx: RequestContext, info?: GraphQLResolveInfo) =>
    childLists(ctx, Station, 'township', { name: 'asc' }, info && { info }),
};
