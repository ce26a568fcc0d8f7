import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { tenantRelations } from '../../tenancy/tenant-relations.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { DeputyGroup } from './deputy-group.entity.js';
import { DeputyGroupService } from './deputy-group.service.js';
import { DeputyGroupConnection } from './dto/deputy-group-connection.js';
import { DeputyGroupFilter } from './dto/deputy-group-filter.input.js';

@Resolver(() => DeputyGroup)
export class DeputyGroupResolver {
  @Authorized()
  @Query(() => DeputyGroup)
  deputyGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<DeputyGroup> {
    return new DeputyGroupService(ctx.em).readById(id, ctx.identity?.countyId);
  }

  @Authorized()
  @Query(() => DeputyGroupConnection)
  deputyGroups(
    @Arg('filter', () => DeputyGroupFilter, { nullable: true }) filter: DeputyGroupFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new DeputyGroupService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @FieldResolver(() => Township)
  township(@Root() row: DeputyGroup, @Ctx() ctx: RequestContext) {
    return tenantRelations.township(ctx, row);
  }

  @FieldResolver(() => County)
  county(@Root() row: DeputyGroup, @Ctx() ctx: RequestContext) {
    return tenantRelations.county(ctx, row);
  }
}
