import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Township } from '../township/township.entity.js';
import { Term } from './term.entity.js';
import { termLoaders } from './term.loaders.js';

/** `Township.terms`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipTermsResolver {
  @FieldResolver(() => [Term])
  terms(@Root() township: Township, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return termLoaders.byTownship(ctx, info).load(township.id);
  }
}
