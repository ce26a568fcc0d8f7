import { Field, ObjectType } from 'type-graphql';
import { MetricDefinition } from '../../metric/metric-definition.entity.js';
import { Normalization } from '../normalization.enum.js';
import { ComparedTownship } from './compared-township.type.js';
import { ComparisonCell } from './comparison-cell.type.js';
import { ComparisonSeries } from './comparison-series.type.js';
import { Period } from './period.type.js';

@ObjectType({ description: '乡镇横向比较 / Townships compared on metrics over periods' })
export class TownshipComparison {
  @Field(() => Normalization)
  normalize!: Normalization;

  @Field(() => [Period])
  periods!: Period[];

  @Field(() => [MetricDefinition])
  metrics!: MetricDefinition[];

  @Field(() => [ComparedTownship])
  townships!: ComparedTownship[];

  @Field(() => [ComparisonCell], { description: 'Every township × period × metric, with provenance and parts' })
  cells!: ComparisonCell[];

  @Field(() => [ComparisonSeries], { description: 'The same figures as arrays per period × metric, for charts' })
  series!: ComparisonSeries[];
}
