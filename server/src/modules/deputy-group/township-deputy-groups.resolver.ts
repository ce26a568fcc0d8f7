import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Township } from '../township/township.entity.js';
import { DeputyGroup } from './deputy-group.entity.js';
import { deputyGroupLoaders } from './deputy-group.loaders.js';

/** `Township.deputyGroups`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipDeputyGroupsResolver {
  @FieldResolver(() => [DeputyGroup])
  deputyGroups(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return deputyGroupLoaders.byTownship(ctx).load(township.id);
  }
}
