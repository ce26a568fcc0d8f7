import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { tenantRelations } from '../../tenancy/tenant-relations.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { Election } from './election.entity.js';
import { ElectionService } from './election.service.js';
import { ElectionConnection } from './dto/election-connection.js';
import { ElectionFilter } from './dto/election-filter.input.js';

@Resolver(() => Election)
export class ElectionResolver {
  @Authorized()
  @Query(() => Election)
  election(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Election> {
    return new ElectionService(ctx.em).readById(id, ctx.identity?.countyId);
  }

  @Authorized()
  @Query(() => ElectionConnection)
  elections(
    @Arg('filter', () => ElectionFilter, { nullable: true }) filter: ElectionFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new ElectionService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @FieldResolver(() => Township)
  township(@Root() row: Election, @Ctx() ctx: RequestContext) {
    return tenantRelations.township(ctx, row);
  }

  @FieldResolver(() => County)
  county(@Root() row: Election, @Ctx() ctx: RequestContext) {
    return tenantRelations.county(ctx, row);
  }
}
