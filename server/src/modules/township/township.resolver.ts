import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { County } from '../county/county.entity.js';
import { Township } from './township.entity.js';
import { TownshipService } from './township.service.js';
import { TownshipConnection } from './dto/township-connection.js';
import { TownshipFilter } from './dto/township-filter.input.js';

@Resolver(() => Township)
export class TownshipResolver {
  @Authorized()
  @Query(() => Township, { description: '按 ID 查询乡镇 / A township by id' })
  township(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Township> {
    return new TownshipService(ctx.em).readById(id, ctx.identity?.countyId);
  }

  @Authorized()
  @Query(() => TownshipConnection)
  townships(
    @Arg('filter', () => TownshipFilter, { nullable: true }) filter: TownshipFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new TownshipService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @FieldResolver(() => County)
  county(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(County).load(township.county.id);
  }
}
