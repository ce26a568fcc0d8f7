import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { County } from '../county/county.entity.js';
import { Township } from './township.entity.js';
import { townshipLoaders } from './township.loaders.js';

/** `County.townships`: the child's list on its parent lives in the child's module (county imports no township). */
@Resolver(() => County)
export class CountyTownshipsResolver {
  @FieldResolver(() => [Township])
  townships(@Root() county: County, @Ctx() ctx: RequestContext): Promise<Township[]> {
    return townshipLoaders.byCounty(ctx).load(county.id);
  }
}
