import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Township } from '../township/township.entity.js';
import { Station } from './station.entity.js';
import { stationLoaders } from './station.loaders.js';

/** `Township.stations`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipStationsResolver {
  @FieldResolver(() => [Station])
  stations(@Root() township: Township, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return stationLoaders.byTownship(ctx, info).load(township.id);
  }
}
