import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedFields } from '../../common/pagination/selected-node-fields.js';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { tenantRelations } from '../../tenancy/tenant-relations.js';
import { loadOptional } from '../../tenancy/load-optional.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { Term } from '../term/term.entity.js';
import { DeputyGroup } from '../deputy-group/deputy-group.entity.js';
import { Station } from '../station/station.entity.js';
import { Deputy } from './deputy.entity.js';
import { deputyLoaders } from './deputy.loaders.js';
import { EVERY_ROLE, UserRole } from '../../tenancy/user-role.enum.js';
import { DeputyService } from './deputy.service.js';
import { DeputyConnection } from './dto/deputy-connection.js';
import { DeputyFilter } from './dto/deputy-filter.input.js';

/** Who may read a deputy's phone (`contactPhone`): everyone but the analyst. */
const PHONE_READERS = [
  UserRole.TOWNSHIP_CLERK,
  UserRole.TOWNSHIP_VIEWER,
  UserRole.COUNTY_STAFF,
  UserRole.COUNTY_ADMIN,
  UserRole.DEPUTY,
];

@Resolver(() => Deputy)
export class DeputyResolver {
  @Authorized(...EVERY_ROLE)
  @Query(() => Deputy)
  async deputy(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Deputy> {
    const service = new DeputyService(ctx.em);
    // A page that shows the phone (the deputy's own home) reads it with the row: one statement, not two.
    // Only for the roles `contactPhone` admits; the analyst's database role cannot read the column at all.
    const role = ctx.identity?.role;
    if (role && PHONE_READERS.includes(role) && selectedFields(info).has('contactPhone')) {
      const { deputy, phone } = await service.readByIdWithPhone(id, ctx.identity?.countyId);
      deputyLoaders.phoneById(ctx).prime(deputy.id, phone);
      return deputy;
    }
    return service.readById(id, ctx.identity?.countyId);
  }

  @Authorized(...EVERY_ROLE)
  @Query(() => DeputyConnection)
  deputies(
    @Arg('filter', () => DeputyFilter, { nullable: true }) filter: DeputyFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new DeputyService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @Authorized(...PHONE_READERS)
  @FieldResolver(() => String, {
    nullable: true,
    description: '联系电话 (PII): never shown to analysts; a deputy reads only its own (row-level security)',
  })
  contactPhone(@Root() deputy: Deputy, @Ctx() ctx: RequestContext): Promise<string | null> {
    return deputyLoaders.phoneById(ctx).load(deputy.id);
  }

  @FieldResolver(() => Township)
  township(@Root() deputy: Deputy, @Ctx() ctx: RequestContext) {
    return tenantRelations.township(ctx, deputy);
  }

  @FieldResolver(() => County)
  county(@Root() deputy: Deputy, @Ctx() ctx: RequestContext) {
    return tenantRelations.county(ctx, deputy);
  }

  @FieldResolver(() => Term)
  term(@Root() deputy: Deputy, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Term).load(deputy.term.id);
  }

  @FieldResolver(() => DeputyGroup, { nullable: true })
  group(@Root() deputy: Deputy, @Ctx() ctx: RequestContext) {
    return loadOptional(ctx, DeputyGroup, deputy.group);
  }

  @FieldResolver(() => Station, { nullable: true })
  station(@Root() deputy: Deputy, @Ctx() ctx: RequestContext) {
    return loadOptional(ctx, Station, deputy.station);
  }
}
