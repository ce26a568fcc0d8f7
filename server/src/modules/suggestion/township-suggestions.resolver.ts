import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { toConnection } from '../../common/pagination/connection-type.js';
import { Township } from '../township/township.entity.js';
import { suggestionLoaders } from './suggestion.loaders.js';
import { SuggestionConnection } from './dto/suggestion-connection.js';
import { SuggestionFilter } from './dto/suggestion-filter.input.js';

/** `Township.suggestions`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipSuggestionsResolver {
  @FieldResolver(() => SuggestionConnection)
  async suggestions(
    @Root() township: Township,
    @Arg('filter', () => SuggestionFilter, { nullable: true }) filter: SuggestionFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toConnection(await suggestionLoaders.pagesByTownship(ctx, filter, args, info).load(township.id));
  }
}
