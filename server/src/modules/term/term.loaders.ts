import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { Term } from './term.entity.js';
import { CongressSession } from './congress-session.entity.js';

/** Small per-parent lists that need no pagination. */
export const termLoaders = {
  byTownship: (ctx: RequestContext) => childLists(ctx, Term, 'township', { name: 'asc' }),
  sessionsByTerm: (ctx: RequestContext) => childLists(ctx, CongressSession, 'term', { sessionNumber: 'asc' }),
};
