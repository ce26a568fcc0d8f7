import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { tenantRelations } from '../../tenancy/tenant-relations.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { loadOptional } from '../../tenancy/load-optional.js';
import { Station } from '../station/station.entity.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { VoterContact } from './voter-contact.entity.js';
import { VoterContactService } from './voter-contact.service.js';
import { VoterContactConnection } from './dto/voter-contact-connection.js';
import { VoterContactFilter } from './dto/voter-contact-filter.input.js';
import './voter-contact.parent-retire-checks.js';

@Resolver(() => VoterContact)
export class VoterContactResolver {
  @Authorized()
  @Query(() => VoterContact)
  voterContact(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<VoterContact> {
    return new VoterContactService(ctx.em).readById(id, ctx.identity?.countyId);
  }

  @Authorized()
  @Query(() => VoterContactConnection)
  voterContacts(
    @Arg('filter', () => VoterContactFilter, { nullable: true }) filter: VoterContactFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new VoterContactService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @FieldResolver(() => Township)
  township(@Root() row: VoterContact, @Ctx() ctx: RequestContext) {
    return tenantRelations.township(ctx, row);
  }

  @FieldResolver(() => County)
  county(@Root() row: VoterContact, @Ctx() ctx: RequestContext) {
    return tenantRelations.county(ctx, row);
  }

  @FieldResolver(() => Station, { nullable: true })
  station(@Root() row: VoterContact, @Ctx() ctx: RequestContext) {
    return loadOptional(ctx, Station, row.station);
  }

  @FieldResolver(() => Deputy, { nullable: true, description: 'The deputy who received the visit or letter' })
  deputy(@Root() row: VoterContact, @Ctx() ctx: RequestContext) {
    return loadOptional(ctx, Deputy, row.deputy);
  }
}
