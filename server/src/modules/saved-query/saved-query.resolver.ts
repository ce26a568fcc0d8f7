import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { SavedQuery } from './saved-query.entity.js';
import { SavedQueryService } from './saved-query.service.js';
import { SaveQueryInput } from './dto/save-query.input.js';

const COUNTY_READERS = [UserRole.ANALYST, UserRole.COUNTY_STAFF, UserRole.COUNTY_ADMIN];

const service = (ctx: RequestContext) => {
  if (!ctx.identity) throw accessErrors.notSignedIn();
  return new SavedQueryService(ctx.em, ctx.identity);
};

@Resolver(() => SavedQuery)
export class SavedQueryResolver {
  @Authorized(...COUNTY_READERS)
  @Query(() => [SavedQuery], { description: '本县共享的查询 / Saved queries shared within the county' })
  savedQueries(@Ctx() ctx: RequestContext): Promise<SavedQuery[]> {
    return service(ctx).list();
  }

  @Authorized(...COUNTY_READERS)
  @Mutation(() => SavedQuery, { description: 'Save a new query, or update one of your own' })
  saveQuery(
    @Arg('input', () => SaveQueryInput) input: SaveQueryInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SavedQuery> {
    return service(ctx).save(input);
  }

  @Authorized(...COUNTY_READERS)
  @Mutation(() => Boolean, { description: 'Delete one of your own saved queries' })
  deleteSavedQuery(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return service(ctx).remove(id);
  }
}
