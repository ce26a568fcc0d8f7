import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { toConnection } from '../../common/pagination/connection-type.js';
import { County } from '../county/county.entity.js';
import { Term } from '../term/term.entity.js';
import { DeputyGroup } from '../deputy-group/deputy-group.entity.js';
import { Station } from '../station/station.entity.js';
import { Election } from '../election/election.entity.js';
import { PeriodFigure } from '../figure/period-figure.entity.js';
import { QuarterlyReport } from '../quarterly-report/quarterly-report.entity.js';
import { quarterlyReportLoaders } from '../quarterly-report/quarterly-report.loaders.js';
import { DeputyConnection } from '../deputy/dto/deputy-connection.js';
import { DeputyFilter } from '../deputy/dto/deputy-filter.input.js';
import { deputyLoaders } from '../deputy/deputy.loaders.js';
import { ActivityConnection } from '../activity/dto/activity-connection.js';
import { ActivityFilter } from '../activity/dto/activity-filter.input.js';
import { activityLoaders } from '../activity/activity.loaders.js';
import { SuggestionConnection } from '../suggestion/dto/suggestion-connection.js';
import { SuggestionFilter } from '../suggestion/dto/suggestion-filter.input.js';
import { suggestionLoaders } from '../suggestion/suggestion.loaders.js';
import { VoterContactConnection } from '../voter-contact/dto/voter-contact-connection.js';
import { VoterContactFilter } from '../voter-contact/dto/voter-contact-filter.input.js';
import { voterContactLoaders } from '../voter-contact/voter-contact.loaders.js';
import { Township } from './township.entity.js';
import { TownshipService } from './township.service.js';
import { townshipLoaders } from './township.loaders.js';
import { TownshipConnection } from './dto/township-connection.js';
import { TownshipFilter } from './dto/township-filter.input.js';

@Resolver(() => Township)
export class TownshipResolver {
  @Authorized()
  @Query(() => Township, { description: '按 ID 查询乡镇 / A township by id' })
  township(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Township> {
    return new TownshipService(ctx.em).findById(id);
  }

  @Authorized()
  @Query(() => TownshipConnection)
  townships(
    @Arg('filter', () => TownshipFilter, { nullable: true }) filter: TownshipFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return new TownshipService(ctx.em).connection(filter, args);
  }

  @FieldResolver(() => County)
  county(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(County).load(township.county.id);
  }

  @FieldResolver(() => DeputyConnection)
  async deputies(
    @Root() township: Township,
    @Arg('filter', () => DeputyFilter, { nullable: true }) filter: DeputyFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toConnection(await deputyLoaders.pagesByTownship(ctx, filter, args, info).load(township.id));
  }

  @FieldResolver(() => ActivityConnection)
  async activities(
    @Root() township: Township,
    @Arg('filter', () => ActivityFilter, { nullable: true }) filter: ActivityFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toConnection(await activityLoaders.pagesByTownship(ctx, filter, args, info).load(township.id));
  }

  @FieldResolver(() => SuggestionConnection)
  async suggestions(
    @Root() township: Township,
    @Arg('filter', () => SuggestionFilter, { nullable: true }) filter: SuggestionFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await suggestionLoaders.pagesByTownship(ctx, filter, args).load(township.id));
  }

  @FieldResolver(() => VoterContactConnection)
  async voterContacts(
    @Root() township: Township,
    @Arg('filter', () => VoterContactFilter, { nullable: true }) filter: VoterContactFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await voterContactLoaders.pagesByTownship(ctx, filter, args).load(township.id));
  }

  @FieldResolver(() => [Term])
  terms(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return townshipLoaders.termsByTownship(ctx).load(township.id);
  }

  @FieldResolver(() => [DeputyGroup])
  deputyGroups(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return townshipLoaders.groupsByTownship(ctx).load(township.id);
  }

  @FieldResolver(() => [Station])
  stations(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return townshipLoaders.stationsByTownship(ctx).load(township.id);
  }

  @FieldResolver(() => [Election])
  elections(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return townshipLoaders.electionsByTownship(ctx).load(township.id);
  }

  @FieldResolver(() => [PeriodFigure], { description: 'Annual and whole-term figures the township reported' })
  figures(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return townshipLoaders.figuresByTownship(ctx).load(township.id);
  }

  @FieldResolver(() => [QuarterlyReport])
  quarterlyReports(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return quarterlyReportLoaders.byTownship(ctx).load(township.id);
  }
}
