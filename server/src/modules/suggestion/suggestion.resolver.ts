import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { EVERY_ROLE } from '../../tenancy/user-role.enum.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { tenantRelations } from '../../tenancy/tenant-relations.js';
import { loadOptional } from '../../tenancy/load-optional.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { CongressSession } from '../term/congress-session.entity.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { Suggestion } from './suggestion.entity.js';
import { SuggestionService } from './suggestion.service.js';
import { suggestionLoaders } from './suggestion.loaders.js';
import { SuggestionConnection } from './dto/suggestion-connection.js';
import { SuggestionFilter } from './dto/suggestion-filter.input.js';

@Resolver(() => Suggestion)
export class SuggestionResolver {
  @Authorized(...EVERY_ROLE)
  @Query(() => Suggestion)
  suggestion(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Suggestion> {
    return new SuggestionService(ctx.em).readById(id, ctx.identity?.countyId);
  }

  @Authorized(...EVERY_ROLE)
  @Query(() => SuggestionConnection, { description: 'Newest first' })
  suggestions(
    @Arg('filter', () => SuggestionFilter, { nullable: true }) filter: SuggestionFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new SuggestionService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @FieldResolver(() => Township)
  township(@Root() suggestion: Suggestion, @Ctx() ctx: RequestContext) {
    return tenantRelations.township(ctx, suggestion);
  }

  @FieldResolver(() => County)
  county(@Root() suggestion: Suggestion, @Ctx() ctx: RequestContext) {
    return tenantRelations.county(ctx, suggestion);
  }

  @FieldResolver(() => CongressSession, { nullable: true, description: 'The congress session it was raised at' })
  session(@Root() suggestion: Suggestion, @Ctx() ctx: RequestContext) {
    return loadOptional(ctx, CongressSession, suggestion.session);
  }

  @FieldResolver(() => [Deputy])
  async proposers(@Root() suggestion: Suggestion, @Ctx() ctx: RequestContext): Promise<Deputy[]> {
    const rows = await suggestionLoaders.proposersBySuggestion(ctx).load(suggestion.id);
    const deputies = await Promise.all(rows.map((row) => ctx.loaders.byId(Deputy).load(row.deputy.id)));
    return deputies.filter((deputy): deputy is Deputy => deputy !== null);
  }
}
