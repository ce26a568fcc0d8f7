import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { EVERY_ROLE } from '../../tenancy/user-role.enum.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { tenantRelations } from '../../tenancy/tenant-relations.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { Station } from './station.entity.js';
import { StationService } from './station.service.js';
import { StationConnection } from './dto/station-connection.js';
import { StationFilter } from './dto/station-filter.input.js';

@Resolver(() => Station)
export class StationResolver {
  @Authorized(...EVERY_ROLE)
  @Query(() => Station)
  station(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Station> {
    return new StationService(ctx.em).readById(id, ctx.identity?.countyId);
  }

  @Authorized(...EVERY_ROLE)
  @Query(() => StationConnection)
  stations(
    @Arg('filter', () => StationFilter, { nullable: true }) filter: StationFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new StationService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @FieldResolver(() => Township)
  township(@Root() row: Station, @Ctx() ctx: RequestContext) {
    return tenantRelations.township(ctx, row);
  }

  @FieldResolver(() => County)
  county(@Root() row: Station, @Ctx() ctx: RequestContext) {
    return tenantRelations.county(ctx, row);
  }
}
