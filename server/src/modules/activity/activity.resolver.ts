import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { EVERY_ROLE } from '../../tenancy/user-role.enum.js';
import { ParticipantName } from './dto/participant-name.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { tenantRelations } from '../../tenancy/tenant-relations.js';
import { loadOptional } from '../../tenancy/load-optional.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { Station } from '../station/station.entity.js';
import { DeputyGroup } from '../deputy-group/deputy-group.entity.js';
import { CongressSession } from '../term/congress-session.entity.js';
import { Activity } from './activity.entity.js';
import { ActivityParticipant } from './activity-participant.entity.js';
import { ActivityService } from './activity.service.js';
import { activityLoaders } from './activity.loaders.js';
import { ActivityConnection } from './dto/activity-connection.js';
import { ActivityFilter } from './dto/activity-filter.input.js';
import './activity.parent-retire-checks.js';

@Resolver(() => Activity)
export class ActivityResolver {
  @Authorized(...EVERY_ROLE)
  @Query(() => Activity)
  activity(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Activity> {
    return new ActivityService(ctx.em).readById(id, ctx.identity?.countyId);
  }

  @Authorized(...EVERY_ROLE)
  @Query(() => ActivityConnection, { description: 'Newest first' })
  activities(
    @Arg('filter', () => ActivityFilter, { nullable: true }) filter: ActivityFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new ActivityService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @FieldResolver(() => [ParticipantName], {
    description: 'Who took part, by name only (a deputy sees the names in its own activities, nothing else of them)',
  })
  participantNames(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return activityLoaders.participantNames(ctx).load(activity.id);
  }

  @FieldResolver(() => Township)
  township(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return tenantRelations.township(ctx, activity);
  }

  @FieldResolver(() => County)
  county(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return tenantRelations.county(ctx, activity);
  }

  @FieldResolver(() => Station, { nullable: true })
  station(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return loadOptional(ctx, Station, activity.station);
  }

  @FieldResolver(() => DeputyGroup, { nullable: true })
  group(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return loadOptional(ctx, DeputyGroup, activity.group);
  }

  @FieldResolver(() => CongressSession, { nullable: true })
  session(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return loadOptional(ctx, CongressSession, activity.session);
  }

  @FieldResolver(() => [ActivityParticipant], { description: 'Deputies recorded with their attendance' })
  participants(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return activityLoaders.participantsByActivity(ctx).load(activity.id);
  }
}
