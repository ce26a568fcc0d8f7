import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import type { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { byColumn, nestedPages } from '../../tenancy/nested-pages.js';
import { childLists } from '../../tenancy/child-lists.js';
import { SuggestionService } from './suggestion.service.js';
import { SuggestionProposer } from './suggestion-proposer.entity.js';
import type { SuggestionFilter } from './dto/suggestion-filter.input.js';

export const suggestionLoaders = {
  pagesByTownship: (
    ctx: RequestContext,
    filter: SuggestionFilter | null,
    args: ConnectionArgs,
    info?: GraphQLResolveInfo,
  ) =>
    nestedPages(ctx, 'suggestion.township', new SuggestionService(ctx.em), byColumn('township_id'), filter, args, info),
  pagesByDeputy: (ctx: RequestContext, filter: SuggestionFilter | null, args: ConnectionArgs) =>
    nestedPages(
      ctx,
      'suggestion.deputy',
      new SuggestionService(ctx.em),
      (parentIds) => ({
        kind: 'join',
        table: 'suggestion_proposer',
        childColumn: 'suggestion_id',
        parentColumn: 'deputy_id',
        parentIds,
      }),
      filter,
      args,
    ),
  proposersBySuggestion: (ctx: RequestContext) => childLists(ctx, SuggestionProposer, 'suggestion', { deputy: 'asc' }),
};
