import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Township } from '../township/township.entity.js';
import { County } from '../county/county.entity.js';
import { PerformanceService } from './performance.service.js';
import { PerformanceRanking } from './dto/performance.types.js';
import { assertMayReadRankings } from './performance-access.js';

const VERSION = { nullable: true, description: 'A former version of the year’s scheme; default the latest' };

function rankingLoader(ctx: RequestContext, scope: 'township' | 'county', year: number, version: number | null) {
  return ctx.loaders.custom(`performanceRanking|${scope}|${year}|${version ?? ''}`, async (ids) => {
    const rankings = await new PerformanceService(ctx.em).ranking(scope, ids, year, version);
    return ids.map((id) => rankings.get(id) ?? { year, schemeVersion: null, rows: [] });
  });
}

@Resolver(() => Township)
export class TownshipPerformanceResolver {
  @FieldResolver(() => PerformanceRanking, { description: '本乡镇代表履职积分排名 / Deputies ranked by points' })
  performanceRanking(
    @Root() township: Township,
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('schemeVersion', () => Int, VERSION) schemeVersion?: number | null,
  ): Promise<PerformanceRanking> {
    assertMayReadRankings(ctx.identity);
    return rankingLoader(ctx, 'township', year, schemeVersion ?? null).load(township.id);
  }
}

@Resolver(() => County)
export class CountyPerformanceResolver {
  @FieldResolver(() => PerformanceRanking, {
    description: '全县代表履职积分排名（乡镇用户只见本乡镇）/ The county’s deputies ranked by points',
  })
  performanceRanking(
    @Root() county: County,
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('schemeVersion', () => Int, VERSION) schemeVersion?: number | null,
  ): Promise<PerformanceRanking> {
    assertMayReadRankings(ctx.identity);
    return rankingLoader(ctx, 'county', year, schemeVersion ?? null).load(county.id);
  }
}
