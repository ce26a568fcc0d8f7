import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { tenantRelations } from '../../tenancy/tenant-relations.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { loadOptional } from '../../tenancy/load-optional.js';
import { Term } from '../term/term.entity.js';
import { PeriodFigure } from './period-figure.entity.js';
import { PeriodFigureService } from './period-figure.service.js';
import { PeriodFigureConnection } from './dto/period-figure-connection.js';
import { PeriodFigureFilter } from './dto/period-figure-filter.input.js';

@Resolver(() => PeriodFigure)
export class PeriodFigureResolver {
  @Authorized()
  @Query(() => PeriodFigure)
  periodFigure(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<PeriodFigure> {
    return new PeriodFigureService(ctx.em).readById(id, ctx.identity?.countyId);
  }

  @Authorized()
  @Query(() => PeriodFigureConnection)
  periodFigures(
    @Arg('filter', () => PeriodFigureFilter, { nullable: true }) filter: PeriodFigureFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new PeriodFigureService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @FieldResolver(() => Township)
  township(@Root() row: PeriodFigure, @Ctx() ctx: RequestContext) {
    return tenantRelations.township(ctx, row);
  }

  @FieldResolver(() => County)
  county(@Root() row: PeriodFigure, @Ctx() ctx: RequestContext) {
    return tenantRelations.county(ctx, row);
  }

  @FieldResolver(() => Term, { nullable: true, description: 'The term a whole-term figure covers' })
  term(@Root() row: PeriodFigure, @Ctx() ctx: RequestContext) {
    return loadOptional(ctx, Term, row.term);
  }
}
