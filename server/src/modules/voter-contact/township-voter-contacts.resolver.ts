import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { toConnection } from '../../common/pagination/connection-type.js';
import { Township } from '../township/township.entity.js';
import { voterContactLoaders } from './voter-contact.loaders.js';
import { VoterContactConnection } from './dto/voter-contact-connection.js';
import { VoterContactFilter } from './dto/voter-contact-filter.input.js';

/** `Township.voterContacts`, declared in the child's module. */
@Resolver(() => Township)
export class TownshipVoterContactsResolver {
  @FieldResolver(() => VoterContactConnection)
  async voterContacts(
    @Root() township: Township,
    @Arg('filter', () => VoterContactFilter, { nullable: true }) filter: VoterContactFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await voterContactLoaders.pagesByTownship(ctx, filter, args).load(township.id));
  }
}
