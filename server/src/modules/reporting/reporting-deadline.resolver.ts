import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { ReportingDeadline } from './reporting-deadline.entity.js';
import { ReportingDeadlineService } from './reporting-deadline.service.js';
import { EffectiveReportingDeadline } from './dto/effective-deadline.type.js';
import { SetReportingDeadlineInput } from './dto/set-reporting-deadline.input.js';

@Resolver(() => ReportingDeadline)
export class ReportingDeadlineResolver {
  @Authorized()
  @Query(() => EffectiveReportingDeadline, {
    description: '季度报送截止时间 / The deadline of a quarter in the caller’s county',
  })
  async reportingDeadline(
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int) quarter: number,
    @Ctx() ctx: RequestContext,
  ): Promise<EffectiveReportingDeadline> {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return {
      year,
      quarter,
      ...(await new ReportingDeadlineService(ctx.em).effective(ctx.identity.countyId, year, quarter)),
    };
  }

  @Authorized(UserRole.COUNTY_STAFF, UserRole.COUNTY_ADMIN)
  @Mutation(() => ReportingDeadline, { description: '设定季度报送截止时间 / The county sets a quarter’s deadline' })
  setReportingDeadline(
    @Arg('input', () => SetReportingDeadlineInput) input: SetReportingDeadlineInput,
    @Ctx() ctx: RequestContext,
  ) {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new ReportingDeadlineService(ctx.em).set(ctx.identity.countyId, input.year, input.quarter, input.dueAt);
  }
}
