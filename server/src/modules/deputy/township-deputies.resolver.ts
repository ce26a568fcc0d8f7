import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { toConnection } from '../../common/pagination/connection-type.js';
import { Township } from '../township/township.entity.js';
import { deputyLoaders } from './deputy.loaders.js';
import { DeputyConnection } from './dto/deputy-connection.js';
import { DeputyFilter } from './dto/deputy-filter.input.js';

/** `Township.deputies`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipDeputiesResolver {
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
}
