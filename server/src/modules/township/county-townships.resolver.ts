import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { County } from '../county/county.entity.js';
import { Township } from './township.entity.js';
import { townshipLoaders } from './township.loaders.js';

/** `County.townships`: the list lives with the child so that county never imports township. */
@Resolver(() => County)
export class CountyTownshipsResolver {
  @FieldResolver(() => [Township])
  townships(@Root() county: County, @Ctx() ctx: RequestContext): Promise<Township[]> {
    return townshipLoaders.byCounty(ctx).load(county.id);
  }
}
