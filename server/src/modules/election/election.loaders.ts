import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { Election } from './election.entity.js';

export const electionLoaders = {
  byTownship: (ctx: RequestContext) => childLists(ctx, Election, 'township', { heldOn: 'desc' }),
};
