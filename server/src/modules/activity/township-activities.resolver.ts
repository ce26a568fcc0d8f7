import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { toConnection } from '../../common/pagination/connection-type.js';
import { Township } from '../township/township.entity.js';
import { activityLoaders } from './activity.loaders.js';
import { ActivityConnection } from './dto/activity-connection.js';
import { ActivityFilter } from './dto/activity-filter.input.js';

/** `Township.activities`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipActivitiesResolver {
  @FieldResolver(() => ActivityConnection)
  async activities(
    @Root() township: Township,
    @Arg('filter', () => ActivityFilter, { nullable: true }) filter: ActivityFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toConnection(await activityLoaders.pagesByTownship(ctx, filter, args, info).load(township.id));
  }
}
