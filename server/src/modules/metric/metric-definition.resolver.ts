import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context/request-context.js';
import { MetricDefinition } from './metric-definition.entity.js';
import { MetricDefinitionService } from './metric-definition.service.js';

@Resolver(() => MetricDefinition)
export class MetricDefinitionResolver {
  @Authorized()
  @Query(() => [MetricDefinition], {
    description: 'The metric catalog: platform-wide definitions plus the county’s own',
  })
  metricDefinitions(
    @Arg('countyId', () => ID, { nullable: true }) countyId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricDefinition[]> {
    return new MetricDefinitionService(ctx.em).list(countyId);
  }

  @Authorized()
  @Query(() => MetricDefinition)
  metricDefinition(@Arg('key') key: string, @Ctx() ctx: RequestContext): Promise<MetricDefinition> {
    return new MetricDefinitionService(ctx.em).findByKey(key);
  }
}
