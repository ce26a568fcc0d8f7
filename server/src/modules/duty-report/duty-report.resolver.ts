import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { EVERY_ROLE, UserRole } from '../../tenancy/user-role.enum.js';
import { loadOptional } from '../../tenancy/load-optional.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { Activity } from '../activity/activity.entity.js';
import { DutyReport } from './duty-report.entity.js';
import { DutyReportService } from './duty-report.service.js';
import { DutyReportWriteService } from './duty-report-write.service.js';
import { DutyReportConnection } from './dto/duty-report-connection.js';
import { DutyReportFilter } from './dto/duty-report-filter.input.js';
import { ReportDutyInput } from './dto/report-duty.input.js';

const writer = (ctx: RequestContext) => new DutyReportWriteService(ctx.em, requireTownship(ctx));

@Resolver(() => DutyReport)
export class DutyReportResolver {
  @Authorized(...EVERY_ROLE)
  @Query(() => DutyReportConnection, { description: 'Newest first: a deputy sees its own, a township its own' })
  dutyReports(
    @Arg('filter', () => DutyReportFilter, { nullable: true }) filter: DutyReportFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new DutyReportService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @Authorized(UserRole.DEPUTY)
  @Mutation(() => DutyReport, { description: '代表报告履职 / Report a duty done; counts once the clerk confirms it' })
  reportDuty(@Arg('input', () => ReportDutyInput) input: ReportDutyInput, @Ctx() ctx: RequestContext) {
    return writer(ctx).report(input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => DutyReport, {
    description: '确认履职报告 / Confirm: creates the record (attendance or reception); activityId names the activity',
  })
  confirmDutyReport(
    @Arg('id', () => ID) id: string,
    @Arg('activityId', () => ID, { nullable: true }) activityId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).confirm(id, activityId ?? null);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => DutyReport, { description: '退回履职报告 / Reject, with the reason the deputy will read' })
  rejectDutyReport(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).reject(id, reason);
  }

  @FieldResolver(() => Deputy)
  deputy(@Root() report: DutyReport, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Deputy).load(report.deputy.id);
  }

  @FieldResolver(() => Activity, { nullable: true })
  activity(@Root() report: DutyReport, @Ctx() ctx: RequestContext) {
    return loadOptional(ctx, Activity, report.activity);
  }
}
