import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { toConnection } from '../../common/pagination/connection-type.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { suggestionLoaders } from './suggestion.loaders.js';
import { SuggestionConnection } from './dto/suggestion-connection.js';
import { SuggestionFilter } from './dto/suggestion-filter.input.js';

/** `Deputy.suggestions`, declared in the child's module. */
@Resolver(() => Deputy)
export class DeputySuggestionsResolver {
  @FieldResolver(() => SuggestionConnection, { description: 'Suggestions this deputy proposed' })
  async suggestions(
    @Root() deputy: Deputy,
    @Arg('filter', () => SuggestionFilter, { nullable: true }) filter: SuggestionFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await suggestionLoaders.pagesByDeputy(ctx, filter, args).load(deputy.id));
  }
}
