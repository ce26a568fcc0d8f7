import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { Term } from './term.entity.js';
import { CongressSession } from './congress-session.entity.js';

/** Term's field resolvers that read only the term's id (its sessions). */
export const TERM_ID_ONLY_FIELDS = ['sessions'];

/** Small per-parent lists that need no pagination. */
export const termLoaders = {
  byTownship: (ctx: RequestContext, info?: GraphQLResolveInfo) =>
    childLists(ctx, Term, 'township', { name: 'asc' }, info && { info, idOnlyFields: TERM_ID_ONLY_FIELDS }),
  sessionsByTerm: (ctx: RequestContext, info?: GraphQLResolveInfo) =>
    childLists(ctx, CongressSession, 'term', { sessionNumber: 'asc' }, info && { info }),
};
