import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import type { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { byColumn, nestedPages } from '../../tenancy/nested-pages.js';
import { childLists } from '../../tenancy/child-lists.js';
import { ActivityService } from './activity.service.js';
import { ActivityParticipant } from './activity-participant.entity.js';
import type { ActivityFilter } from './dto/activity-filter.input.js';

export const activityLoaders = {
  pagesByTownship: (
    ctx: RequestContext,
    filter: ActivityFilter | null,
    args: ConnectionArgs,
    info?: GraphQLResolveInfo,
  ) => nestedPages(ctx, 'activity.township', new ActivityService(ctx.em), byColumn('township_id'), filter, args, info),
  pagesByStation: (ctx: RequestContext, filter: ActivityFilter | null, args: ConnectionArgs) =>
    nestedPages(ctx, 'activity.station', new ActivityService(ctx.em), byColumn('station_id'), filter, args),
  /** Activities a deputy took part in, through the attendance rows. */
  pagesByDeputy: (
    ctx: RequestContext,
    filter: ActivityFilter | null,
    args: ConnectionArgs,
    info?: GraphQLResolveInfo,
  ) =>
    nestedPages(
      ctx,
      'activity.deputy',
      new ActivityService(ctx.em),
      (parentIds) => ({
        kind: 'join',
        table: 'activity_participant',
        childColumn: 'activity_id',
        parentColumn: 'deputy_id',
        parentIds,
      }),
      filter,
      args,
      info,
    ),
  participantsByActivity: (ctx: RequestContext) => childLists(ctx, ActivityParticipant, 'activity', { id: 'asc' }),
};
