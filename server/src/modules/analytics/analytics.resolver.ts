import { Arg, Authorized, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RequestContext } from '../../tenancy/request-context.js';
import { chinaToday } from '../../common/validation/china-today.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { countyScope } from './county-scope.js';
import { CompareService } from './compare.service.js';
import { TrendService } from './trend.service.js';
import { ReportingStatusService } from './reporting-status.service.js';
import { SuggestionAnalyticsService } from './suggestion-analytics.service.js';
import { AggregateService } from './aggregate.service.js';
import { DataDictionaryService } from './data-dictionary.service.js';
import { Normalization } from './normalization.enum.js';
import { TrendGranularity } from './trend-granularity.enum.js';
import { PeriodInput } from './dto/period.input.js';
import { TownshipComparison } from './dto/township-comparison.type.js';
import { MetricTrend } from './dto/metric-trend.type.js';
import { ReportingStatusBoard } from './dto/reporting-status-board.type.js';
import { SuggestionAnalytics } from './dto/suggestion-analytics.type.js';
import { AggregateInput } from './dto/aggregate.input.js';
import { AggregateResult } from './dto/aggregate-result.type.js';
import { DictionaryEntry } from './dto/dictionary-entry.type.js';

const COUNTY_READERS = [UserRole.COUNTY_STAFF, UserRole.ANALYST, UserRole.COUNTY_ADMIN];

/** County comparison and analyst queries; every answer is computed in PostgreSQL in a fixed number of statements. */
@Resolver()
export class AnalyticsResolver {
  @Authorized(...COUNTY_READERS)
  @Query(() => TownshipComparison, {
    description: '乡镇横向比较 / Compare the county’s townships on metrics over periods',
  })
  compareTownships(
    @Arg('countyId', () => ID) countyId: string,
    @Arg('metricKeys', () => [String]) metricKeys: string[],
    @Arg('periods', () => [PeriodInput]) periods: PeriodInput[],
    @Arg('normalize', () => Normalization, { defaultValue: Normalization.NONE }) normalize: Normalization,
    @Ctx() ctx: RequestContext,
  ): Promise<TownshipComparison> {
    return new CompareService(ctx.em).compare(countyScope(ctx, countyId), metricKeys, periods, normalize);
  }

  @Authorized()
  @Query(() => MetricTrend, {
    description: '指标趋势 / A metric over quarters or years, for a township or the county, with year-over-year change',
  })
  metricTrend(
    @Arg('countyId', () => ID) countyId: string,
    @Arg('metricKey') metricKey: string,
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
    @Arg('townshipId', () => ID, { nullable: true }) townshipId: string | null,
    @Arg('granularity', () => TrendGranularity, { defaultValue: TrendGranularity.QUARTER })
    granularity: TrendGranularity,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricTrend> {
    return new TrendService(ctx.em).trend(
      countyScope(ctx, countyId),
      metricKey,
      townshipId ?? null,
      fromYear,
      toYear,
      granularity,
    );
  }

  @Authorized(...COUNTY_READERS)
  @Query(() => ReportingStatusBoard, {
    description: '报送情况 / Which townships submitted each quarter, on time or late, accepted or returned',
  })
  reportingStatus(
    @Arg('countyId', () => ID) countyId: string,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: RequestContext,
  ) {
    return new ReportingStatusService(ctx.em).board(countyScope(ctx, countyId), year);
  }

  @Authorized()
  @Query(() => SuggestionAnalytics, {
    description: '建议办理分析 / Suggestions by state, outcome, category, handling unit; overdue; completion by cohort',
  })
  suggestionAnalytics(
    @Arg('countyId', () => ID) countyId: string,
    @Arg('year', () => Int) year: number,
    @Arg('townshipId', () => ID, { nullable: true }) townshipId: string | null,
    @Arg('asOf', () => LocalDateResolver, { nullable: true }) asOf: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return new SuggestionAnalyticsService(ctx.em).analyse(
      countyScope(ctx, countyId),
      year,
      townshipId ?? null,
      asOf ?? chinaToday(),
    );
  }

  @Authorized(...COUNTY_READERS)
  @Query(() => AggregateResult, {
    description: '分组统计 / Group activities, suggestions, deputies or voter contacts, with counts and sums',
  })
  aggregate(
    @Arg('countyId', () => ID) countyId: string,
    @Arg('input', () => AggregateInput) input: AggregateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return new AggregateService(ctx.em).aggregate(countyScope(ctx, countyId), input);
  }

  @Authorized()
  @Query(() => [DictionaryEntry], { description: '数据字典 / Every metric and exportable field, PII marked' })
  dataDictionary(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<DictionaryEntry[]> {
    return new DataDictionaryService(ctx.em, info.schema).entries();
  }
}
