import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RequestContext } from '../../tenancy/request-context.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { CalendarDay } from './calendar-day.entity.js';
import { CalendarService } from './calendar.service.js';
import { SetCalendarDayInput } from './dto/set-calendar-day.input.js';
import { calendarErrors } from './calendar.errors.js';

@Resolver(() => CalendarDay)
export class CalendarResolver {
  @Authorized()
  @Query(() => [CalendarDay], { description: '节假日与调休工作日 / Holidays and make-up working days in a date range' })
  calendarDays(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarDay[]> {
    return new CalendarService(ctx.em).list(from, to);
  }

  @Authorized()
  @Query(() => LocalDateResolver, { description: 'The n-th working day after a date, by the county’s calendar' })
  addWorkingDays(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('days', () => Int) days: number,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    if (days < 0 || days > 366) throw calendarErrors.workingDaysRange();
    return new CalendarService(ctx.em).addWorkingDays(from, days);
  }

  @Authorized(UserRole.COUNTY_ADMIN)
  @Mutation(() => CalendarDay, { description: 'Adds or changes a day of the county’s own calendar' })
  setCalendarDay(
    @Arg('input', () => SetCalendarDayInput) input: SetCalendarDayInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarDay> {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new CalendarService(ctx.em).setDay(ctx.identity, input.day, input.kind, input.name);
  }

  @Authorized(UserRole.COUNTY_ADMIN)
  @Mutation(() => Boolean, { description: 'Removes a day of the county’s own calendar; false when there was none' })
  removeCalendarDay(@Arg('day', () => LocalDateResolver) day: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new CalendarService(ctx.em).removeDay(ctx.identity, day);
  }
}
