import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { AnnualSummary } from './dto/annual-summary.type.js';
import { AnnualSummaryService } from './annual-summary.service.js';
import { TermSummaryService } from './term-summary.service.js';

const INCLUDE_SYNTHETIC = {
  defaultValue: false,
  description: 'false: generated (SYNTHETIC) facts are left out; true: kept, and their sentences marked',
};

/** A township's work summary for a year or a term, written from known facts only. */
@Resolver()
export class SummaryResolver {
  @Authorized()
  @Query(() => AnnualSummary, {
    description: '年度工作小结 / A township’s year: its figures and a summary paragraph, sentence by sentence',
  })
  annualSummary(
    @Arg('townshipId', () => ID) townshipId: string,
    @Arg('year', () => Int) year: number,
    @Arg('includeSynthetic', () => Boolean, INCLUDE_SYNTHETIC) includeSynthetic: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new AnnualSummaryService(ctx.em, ctx.identity.countyId).summarise(townshipId, year, includeSynthetic);
  }

  @Authorized()
  @Query(() => AnnualSummary, {
    description: '届内工作小结 / A township’s whole term: its reported term figures and records, as a summary',
  })
  termSummary(
    @Arg('townshipId', () => ID) townshipId: string,
    @Arg('termId', () => ID) termId: string,
    @Arg('includeSynthetic', () => Boolean, INCLUDE_SYNTHETIC) includeSynthetic: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new TermSummaryService(ctx.em, ctx.identity.countyId).summarise(townshipId, termId, includeSynthetic);
  }
}
