import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Township } from '../township/township.entity.js';
import { Election } from './election.entity.js';
import { electionLoaders } from './election.loaders.js';

/** `Township.elections`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipElectionsResolver {
  @FieldResolver(() => [Election])
  elections(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return electionLoaders.byTownship(ctx).load(township.id);
  }
}
