import { Field, ObjectType } from 'type-graphql';
import { AggregateSubject } from '../aggregate-subject.enum.js';
import { AggregateDimension } from '../aggregate-dimension.enum.js';
import { AggregateRow } from './aggregate-row.type.js';

@ObjectType({ description: '分组统计 / Counts and sums grouped in PostgreSQL' })
export class AggregateResult {
  @Field(() => AggregateSubject)
  subject!: AggregateSubject;

  @Field(() => [AggregateDimension])
  groupBy!: AggregateDimension[];

  @Field(() => String, { nullable: true, description: 'What `sum` adds up for this subject' })
  measure!: string | null;

  @Field(() => [AggregateRow])
  rows!: AggregateRow[];
}
