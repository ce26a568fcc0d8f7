import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { actorNames } from '../../tenancy/actor-names.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { Notification } from './notification.entity.js';
import { NotificationService } from './notification.service.js';
import { ReminderService } from './reminder.service.js';
import { NotificationFeed } from './dto/notification-feed.js';
import { TownshipReminder } from './dto/township-reminder.js';
// Registers the hook that notifies a township of a returned report wherever the schema is built.
import './notification.report-hooks.js';

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized(UserRole.TOWNSHIP_CLERK, UserRole.TOWNSHIP_VIEWER)
  @Query(() => NotificationFeed, { description: '本乡镇的通知 / The own township’s notifications, newest first' })
  notifications(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return new NotificationService(ctx.em, requireTownship(ctx)).feed(first, unreadOnly);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => [Notification], { description: '标记通知已读 / Mark the own township’s notifications read' })
  markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext) {
    return new NotificationService(ctx.em, requireTownship(ctx)).markRead(ids);
  }

  @Authorized(UserRole.COUNTY_STAFF)
  @Mutation(() => [Notification], {
    description: '催报 / Remind late townships of a quarter’s report (one per township and quarter a day)',
  })
  remindTownships(
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int) quarter: number,
    @Arg('townshipIds', () => [ID]) townshipIds: string[],
    @Ctx() ctx: RequestContext,
  ) {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new ReminderService(ctx.em, ctx.identity).remind(year, quarter, townshipIds);
  }

  @Authorized(UserRole.COUNTY_STAFF)
  @Query(() => [TownshipReminder], { description: '催报记录 / The last reminder of each township and quarter' })
  reminderStatus(@Arg('year', () => Int) year: number, @Ctx() ctx: RequestContext) {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new ReminderService(ctx.em, ctx.identity).status(year);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Display name of the sender' })
  async sentByName(@Root() row: Notification, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await actorNames(ctx).load(row.sentBy))?.displayName ?? null;
  }
}
