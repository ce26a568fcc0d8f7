import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { PerformanceScheme } from './performance-scheme.entity.js';
import { PerformanceSchemeService } from './performance-scheme.service.js';
import { SavePerformanceSchemeInput } from './dto/save-performance-scheme.input.js';
import { assertMayReadRankings } from './performance-access.js';

@Resolver(() => PerformanceScheme)
export class PerformanceSchemeResolver {
  @Authorized()
  @Query(() => [PerformanceScheme], {
    description: '本县某年度积分方案的全部版本（新版本在前）/ Every version of the year’s points scheme, newest first',
  })
  performanceSchemes(@Arg('year', () => Int) year: number, @Ctx() ctx: RequestContext): Promise<PerformanceScheme[]> {
    assertMayReadRankings(ctx.identity);
    return new PerformanceSchemeService(ctx.em).list(year);
  }

  @Authorized(UserRole.COUNTY_ADMIN)
  @Mutation(() => PerformanceScheme, {
    description:
      '保存积分方案：总是写入新版本，旧版本及其结果保留；已结束年度须说明修订理由 / Save the scheme as a new version',
  })
  savePerformanceScheme(
    @Arg('input', () => SavePerformanceSchemeInput) input: SavePerformanceSchemeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PerformanceScheme> {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new PerformanceSchemeService(ctx.em).save(ctx.identity, input);
  }
}
