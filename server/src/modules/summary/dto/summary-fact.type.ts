import { Field, Float, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DatePrecision } from '../../../common/enums/date-precision.enum.js';
import { FigureQualifier } from '../../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../../common/enums/provenance.enum.js';

/** One figure or record a summary sentence states. */
@ObjectType({ description: '小结所依据的数字或记录 / A figure or record a summary sentence states' })
export class SummaryFact {
  @Field({ description: 'e.g. 代表视察, 选出镇人大代表' })
  labelZh!: string;

  @Field(() => Float, { nullable: true, description: 'null for a record stated without a number' })
  value!: number | null;

  @Field(() => FigureQualifier)
  qualifier!: FigureQualifier;

  @Field(() => Provenance)
  provenance!: Provenance;

  @Field(() => ID, { nullable: true, description: 'The record it comes from, when it is one record' })
  recordId!: string | null;

  @Field(() => String, { nullable: true, description: 'The metric, when it is a metric figure' })
  metricKey!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The record’s date (see datePrecision)' })
  occurredOn!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  datePrecision!: DatePrecision | null;
}
