import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { childLists } from '../../tenancy/child-lists.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { QuarterlyReportRevision } from './quarterly-report-revision.entity.js';
import { QuarterlyReportSubmissionService } from './quarterly-report-submission.service.js';
import { QuarterlyReportDraftService } from './quarterly-report-draft.service.js';
import { selectedFields } from '../../common/pagination/selected-node-fields.js';
import { QuarterlyReportReviewService } from './quarterly-report-review.service.js';
import { QuarterlyReportDraft } from './dto/quarterly-report-draft.js';
import { SubmitQuarterlyReportInput } from './dto/submit-quarterly-report.input.js';
import { SubmitQuarterlyReportPayload } from './dto/submit-quarterly-report-payload.js';
import { quarterlyReportErrors } from './quarterly-report.errors.js';
import { QuarterlyReportEvent } from './dto/quarterly-report-event.js';
import { reportEvents } from './quarterly-report-events.js';

@Resolver(() => QuarterlyReport)
export class QuarterlyReportWorkflowResolver {
  @Authorized(UserRole.TOWNSHIP_CLERK, UserRole.TOWNSHIP_VIEWER)
  @Query(() => QuarterlyReportDraft, {
    description: '季度报表草稿 / The own township’s quarterly report, prefilled from records',
  })
  quarterlyReportDraft(
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int) quarter: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The clerk's home asks for the deadline and the report only: no lines, so nothing is counted.
    const withValues = selectedFields(info).has('values');
    return new QuarterlyReportDraftService(ctx.em, requireTownship(ctx)).draft(year, quarter, withValues);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => SubmitQuarterlyReportPayload, {
    description: '报送季度报表 / Submit (idempotent; CONFLICT on a stale version)',
  })
  submitQuarterlyReport(
    @Arg('input', () => SubmitQuarterlyReportInput) input: SubmitQuarterlyReportInput,
    @Ctx() ctx: RequestContext,
  ) {
    return new QuarterlyReportSubmissionService(ctx.em, requireTownship(ctx)).submit(input);
  }

  @Authorized(UserRole.COUNTY_STAFF)
  @Mutation(() => QuarterlyReport, { description: '接收季度报表 / Accept a submitted report' })
  acceptQuarterlyReport(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new QuarterlyReportReviewService(ctx.em, ctx.identity).accept(id, expectedVersion);
  }

  @Authorized(UserRole.COUNTY_STAFF)
  @Mutation(() => QuarterlyReport, { description: '退回季度报表 / Return a submitted report with a reason' })
  returnQuarterlyReport(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason') reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    const trimmed = reason.trim();
    if (trimmed.length < 1 || trimmed.length > 1000) throw quarterlyReportErrors.returnReasonLength();
    return new QuarterlyReportReviewService(ctx.em, ctx.identity).return(id, expectedVersion, trimmed);
  }

  @FieldResolver(() => [QuarterlyReportRevision], { description: 'Every submitted revision, newest first' })
  revisions(@Root() report: QuarterlyReport, @Ctx() ctx: RequestContext) {
    return childLists(ctx, QuarterlyReportRevision, 'report', { revision: 'desc' }).load(report.id);
  }

  @FieldResolver(() => [QuarterlyReportEvent], {
    description: '报表历史 / Every submission, correction, return and acceptance, oldest first, with who and when',
  })
  events(@Root() report: QuarterlyReport, @Ctx() ctx: RequestContext) {
    return reportEvents(ctx, report);
  }
}
