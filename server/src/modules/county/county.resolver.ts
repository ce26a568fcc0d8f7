import { Arg, Args, Authorized, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { County } from './county.entity.js';
import { CountyService } from './county.service.js';
import { CountyConnection } from './dto/county-connection.js';
import { CountyFilter } from './dto/county-filter.input.js';

@Resolver(() => County)
export class CountyResolver {
  @Authorized()
  @Query(() => County, { description: '按 ID 查询县 / A county by id' })
  county(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<County> {
    return new CountyService(ctx.em).readById(id);
  }

  @Authorized()
  @Query(() => CountyConnection)
  counties(
    @Arg('filter', () => CountyFilter, { nullable: true }) filter: CountyFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new CountyService(ctx.em).connection(filter, args, undefined, info);
  }
}
