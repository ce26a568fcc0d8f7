import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Township } from '../township/township.entity.js';
import { Station } from './station.entity.js';
import { stationLoaders } from './station.loaders.js';

/** `Township.stations`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipStationsResolver {
  @FieldResolver(() => [Station])
  stations(@Root() township: Township, @Ctx() ctx: RequestContext) {
    return stationLoaders.byTownship(ctx).load(township.id);
  }
}
