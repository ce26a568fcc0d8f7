import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Township } from '../township/township.entity.js';
import { Term } from './term.entity.js';
import { termLoaders } from './term.loaders.js';

/** `Township.terms`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipTermsResolver {
  @FieldResolver(() => [Term])
  terms(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return termLoaders.byTownship(ctx).load(township.id);
  }
}
