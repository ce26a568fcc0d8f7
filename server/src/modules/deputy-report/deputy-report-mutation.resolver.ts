import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { DeputyReport } from './deputy-report.entity.js';
import { DeputyReportWriteService } from './deputy-report-write.service.js';
import { RecordDeputyReportInput } from './dto/record-deputy-report.input.js';
import './deputy-report.parent-retire-checks.js';

@Resolver(() => DeputyReport)
export class DeputyReportMutationResolver {
  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => DeputyReport, {
    description: '登记代表述职及选民评议 / Record a deputy’s report to voters and their evaluation',
  })
  recordDeputyReport(
    @Arg('input', () => RecordDeputyReportInput) input: RecordDeputyReportInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DeputyReport> {
    return new DeputyReportWriteService(ctx.em, requireTownship(ctx)).record(input);
  }
}
