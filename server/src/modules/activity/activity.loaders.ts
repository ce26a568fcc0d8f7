import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import type { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { byColumn, nestedPages } from '../../tenancy/nested-pages.js';
import { childLists } from '../../tenancy/child-lists.js';
import { ActivityService } from './activity.service.js';
import { ActivityParticipant } from './activity-participant.entity.js';
import type { ActivityFilter } from './dto/activity-filter.input.js';
import type { ParticipantName } from './dto/participant-name.js';

export const activityLoaders = {
  /**
   * Participants' names, one statement for every activity of the response, through the database function
   * that shows a deputy the names (only) of the others in its own activities.
   */
  participantNames: (ctx: RequestContext) =>
    ctx.loaders.custom<ParticipantName[]>('activity.participantNames', async (ids) => {
      const rows = await ctx.em.execute<{ activity_id: string; deputy_id: string; name: string }[]>(
        'select activity_id, deputy_id, name from renda_activity_participant_names(cast(? as uuid[]))',
        [`{${ids.join(',')}}`],
      );
      const byActivity = new Map<string, ParticipantName[]>();
      for (const row of rows) {
        const list = byActivity.get(row.activity_id) ?? [];
        list.push({ deputyId: row.deputy_id, name: row.name });
        byActivity.set(row.activity_id, list);
      }
      return ids.map((id) => byActivity.get(id) ?? []);
    }),
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
