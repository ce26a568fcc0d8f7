import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { tenantRelations } from '../../tenancy/tenant-relations.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { Term } from './term.entity.js';
import { CongressSession } from './congress-session.entity.js';
import { CongressSessionService } from './congress-session.service.js';
import { CongressSessionConnection } from './dto/congress-session-connection.js';
import { CongressSessionFilter } from './dto/congress-session-filter.input.js';

@Resolver(() => CongressSession)
export class CongressSessionResolver {
  @Authorized()
  @Query(() => CongressSession)
  congressSession(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CongressSession> {
    return new CongressSessionService(ctx.em).readById(id, ctx.identity?.countyId);
  }

  @Authorized()
  @Query(() => CongressSessionConnection)
  congressSessions(
    @Arg('filter', () => CongressSessionFilter, { nullable: true }) filter: CongressSessionFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new CongressSessionService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @FieldResolver(() => Township)
  township(@Root() row: CongressSession, @Ctx() ctx: RequestContext) {
    return tenantRelations.township(ctx, row);
  }

  @FieldResolver(() => County)
  county(@Root() row: CongressSession, @Ctx() ctx: RequestContext) {
    return tenantRelations.county(ctx, row);
  }

  @FieldResolver(() => Term)
  term(@Root() row: CongressSession, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Term).load(row.term.id);
  }
}
