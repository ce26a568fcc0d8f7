import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class AggregateRow {
  @Field(() => [String], {
    nullable: 'itemsAndList',
    description: 'One key per groupBy dimension, in order; null: not recorded',
  })
  keys!: (string | null)[];

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Sum of the subject’s measure (see AggregateResult.measure)' })
  sum!: number | null;
}
