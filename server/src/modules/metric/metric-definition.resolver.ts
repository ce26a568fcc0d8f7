import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { accessErrors } from '../../tenancy/access.errors.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { MetricDefinitionWriteService } from './metric-definition-write.service.js';
import { DefineMetricInput } from './dto/define-metric.input.js';
import type { RequestContext } from '../../tenancy/request-context.js';
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
    @Info() info: GraphQLResolveInfo,
  ): Promise<MetricDefinition[]> {
    return new MetricDefinitionService(ctx.em).list(countyId, info);
  }

  @Authorized()
  @Query(() => MetricDefinition)
  metricDefinition(@Arg('key') key: string, @Ctx() ctx: RequestContext): Promise<MetricDefinition> {
    return new MetricDefinitionService(ctx.em).findByKey(key);
  }

  @Authorized(UserRole.COUNTY_ADMIN)
  @Mutation(() => MetricDefinition, { description: '新增本县统计指标 / Add a metric to the county’s catalog' })
  defineMetric(
    @Arg('input', () => DefineMetricInput) input: DefineMetricInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricDefinition> {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new MetricDefinitionWriteService(ctx.em, ctx.identity).define(input);
  }
}
