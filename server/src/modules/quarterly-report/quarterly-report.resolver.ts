import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { tenantRelations } from '../../tenancy/tenant-relations.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { QuarterlyReportValue } from './quarterly-report-value.entity.js';
import { quarterlyReportLoaders } from './quarterly-report.loaders.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { QuarterlyReportService } from './quarterly-report.service.js';
import { QuarterlyReportConnection } from './dto/quarterly-report-connection.js';
import { QuarterlyReportFilter } from './dto/quarterly-report-filter.input.js';

@Resolver(() => QuarterlyReport)
export class QuarterlyReportResolver {
  @Authorized()
  @Query(() => QuarterlyReport)
  quarterlyReport(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<QuarterlyReport> {
    return new QuarterlyReportService(ctx.em).readById(id, ctx.identity?.countyId);
  }

  @Authorized()
  @Query(() => QuarterlyReportConnection)
  quarterlyReports(
    @Arg('filter', () => QuarterlyReportFilter, { nullable: true }) filter: QuarterlyReportFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new QuarterlyReportService(ctx.em).connection(
      filter,
      args,
      ctx.identity?.countyId,
      info,
      quarterlyReportLoaders.foldedIntoPage(ctx, info),
    );
  }

  @FieldResolver(() => Township)
  township(@Root() row: QuarterlyReport, @Ctx() ctx: RequestContext) {
    return tenantRelations.township(ctx, row);
  }

  @FieldResolver(() => County)
  county(@Root() row: QuarterlyReport, @Ctx() ctx: RequestContext) {
    return tenantRelations.county(ctx, row);
  }

  @FieldResolver(() => [QuarterlyReportValue])
  values(@Root() report: QuarterlyReport, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return quarterlyReportLoaders.valuesByReport(ctx, info).load(report.id);
  }
}
