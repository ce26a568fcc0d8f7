import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { countyScope } from './county-scope.js';
import { LandingPeriodsService } from './landing-periods.service.js';
import { LandingPeriods } from './dto/landing-periods.type.js';

@Resolver()
export class LandingPeriodsResolver {
  @Authorized()
  @Query(() => LandingPeriods, {
    description:
      '页面默认期间 / Where the dashboard opens: the latest period with reported data, and the quarter now due',
  })
  landingPeriods(
    @Arg('countyId', () => ID, { nullable: true, description: 'Default: the caller’s county' }) countyId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LandingPeriods> {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    const county = countyId === null || countyId === undefined ? ctx.identity.countyId : countyScope(ctx, countyId);
    return new LandingPeriodsService(ctx.em).landing(county);
  }
}
