import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { toConnection } from '../../common/pagination/connection-type.js';
import { Station } from '../station/station.entity.js';
import { deputyLoaders } from './deputy.loaders.js';
import { DeputyConnection } from './dto/deputy-connection.js';
import { DeputyFilter } from './dto/deputy-filter.input.js';

/** `Station.deputies`, declared in the child's module. */
@Resolver(() => Station)
export class StationDeputiesResolver {
  @FieldResolver(() => DeputyConnection)
  async deputies(
    @Root() row: Station,
    @Arg('filter', () => DeputyFilter, { nullable: true }) filter: DeputyFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await deputyLoaders.pagesByStation(ctx, filter, args).load(row.id));
  }
}
