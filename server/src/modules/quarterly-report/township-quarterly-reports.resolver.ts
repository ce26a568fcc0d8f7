import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Township } from '../township/township.entity.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { quarterlyReportLoaders } from './quarterly-report.loaders.js';

/** `Township.quarterlyReports`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipQuarterlyReportsResolver {
  @FieldResolver(() => [QuarterlyReport])
  quarterlyReports(@Root() township: Township, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return quarterlyReportLoaders.byTownship(ctx, info).load(township.id);
  }
}
