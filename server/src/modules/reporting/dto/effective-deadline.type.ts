import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '季度报送截止时间（县设定或默认规则）' })
export class EffectiveReportingDeadline {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  quarter!: number;

  @Field(() => GraphQLISODateTime)
  dueAt!: Date;

  @Field({ description: 'true: the county set none; the 10th of the following month applies' })
  isDefault!: boolean;
}
