import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Township } from '../township/township.entity.js';
import { PeriodFigure } from './period-figure.entity.js';
import { periodFigureLoaders } from './period-figure.loaders.js';

/** `Township.figures`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipFiguresResolver {
  @FieldResolver(() => [PeriodFigure], { description: 'Annual and whole-term figures the township reported' })
  figures(@Root() township: Township, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return periodFigureLoaders.byTownship(ctx, info).load(township.id);
  }
}
