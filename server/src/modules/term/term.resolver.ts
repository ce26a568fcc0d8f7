import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { tenantRelations } from '../../tenancy/tenant-relations.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { CongressSession } from './congress-session.entity.js';
import { Term } from './term.entity.js';
import { TermService } from './term.service.js';
import { termLoaders } from './term.loaders.js';
import { TermConnection } from './dto/term-connection.js';
import { TermFilter } from './dto/term-filter.input.js';

@Resolver(() => Term)
export class TermResolver {
  @Authorized()
  @Query(() => Term)
  term(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Term> {
    return new TermService(ctx.em).readById(id, ctx.identity?.countyId);
  }

  @Authorized()
  @Query(() => TermConnection)
  terms(
    @Arg('filter', () => TermFilter, { nullable: true }) filter: TermFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new TermService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }

  @FieldResolver(() => Township)
  township(@Root() row: Term, @Ctx() ctx: RequestContext) {
    return tenantRelations.township(ctx, row);
  }

  @FieldResolver(() => County)
  county(@Root() row: Term, @Ctx() ctx: RequestContext) {
    return tenantRelations.county(ctx, row);
  }

  @FieldResolver(() => [CongressSession])
  sessions(@Root() term: Term, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return termLoaders.sessionsByTerm(ctx, info).load(term.id);
  }
}
