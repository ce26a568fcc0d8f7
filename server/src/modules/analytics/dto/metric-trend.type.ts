import { Field, ID, ObjectType } from 'type-graphql';
import { MetricDefinition } from '../../metric/metric-definition.entity.js';
import { TrendGranularity } from '../trend-granularity.enum.js';
import { TrendPoint } from './trend-point.type.js';

@ObjectType({ description: '指标趋势 / A metric over quarters or years, for a township or the whole county' })
export class MetricTrend {
  @Field(() => MetricDefinition)
  metric!: MetricDefinition;

  @Field(() => ID, { nullable: true, description: 'null: the county as a whole' })
  townshipId!: string | null;

  @Field(() => TrendGranularity)
  granularity!: TrendGranularity;

  @Field(() => [TrendPoint])
  points!: TrendPoint[];
}
