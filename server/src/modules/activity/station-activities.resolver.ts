import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { toConnection } from '../../common/pagination/connection-type.js';
import { Station } from '../station/station.entity.js';
import { activityLoaders } from './activity.loaders.js';
import { ActivityConnection } from './dto/activity-connection.js';
import { ActivityFilter } from './dto/activity-filter.input.js';

/** `Station.activities`, declared in the child's module. */
@Resolver(() => Station)
export class StationActivitiesResolver {
  @FieldResolver(() => ActivityConnection)
  async activities(
    @Root() station: Station,
    @Arg('filter', () => ActivityFilter, { nullable: true }) filter: ActivityFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await activityLoaders.pagesByStation(ctx, filter, args).load(station.id));
  }
}
