import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { ArchiveService } from './archive.service.js';
import { PerformanceService } from './performance.service.js';
import { DeputyArchive } from './dto/archive.types.js';
import { DeputyPerformance } from './dto/performance.types.js';
import { assertMayReadDeputy } from './performance-access.js';
import { performanceErrors } from './performance.errors.js';

/** A deputy's archive and points: one batch per field for every deputy of the response. */
@Resolver(() => Deputy)
export class DeputyPerformanceResolver {
  @FieldResolver(() => DeputyArchive, {
    description: '履职档案：一个年度或一届（year 与 termId 二选一）/ The duties done in a year or a term',
  })
  async archive(
    @Root() deputy: Deputy,
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
    @Arg('termId', () => ID, { nullable: true }) termId?: string | null,
  ): Promise<DeputyArchive> {
    assertMayReadDeputy(ctx.identity, deputy.id);
    const loader = ctx.loaders.custom(`deputyArchive|${year ?? ''}|${termId ?? ''}`, async (ids) => {
      const archives = await new ArchiveService(ctx.em).archives(ids, { year, termId });
      return ids.map((id) => archives.get(id)!);
    });
    return loader.load(deputy.id);
  }

  @FieldResolver(() => DeputyPerformance, {
    description: '年度履职积分，每一分注明规则与记录 / Points for the year, each traced to its rule and record',
  })
  async performance(
    @Root() deputy: Deputy,
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('schemeVersion', () => Int, {
      nullable: true,
      description: 'A former version of the year’s scheme, to reproduce earlier results; default the latest',
    })
    schemeVersion?: number | null,
  ): Promise<DeputyPerformance> {
    assertMayReadDeputy(ctx.identity, deputy.id);
    const loader = ctx.loaders.custom(`deputyPerformance|${year}|${schemeVersion ?? ''}`, async (ids) => {
      const { results } = await new PerformanceService(ctx.em).compute('deputy', ids, year, schemeVersion ?? null);
      return ids.map((id) => results.get(id)!);
    });
    const result = await loader.load(deputy.id);
    if (schemeVersion != null && result.schemeVersion === null) {
      throw performanceErrors.versionNotFound(year, schemeVersion);
    }
    return result;
  }
}
