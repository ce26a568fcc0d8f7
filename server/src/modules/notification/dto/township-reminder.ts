import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';

/** The last reminder a township got for one quarter, and when the next one is allowed. */
@ObjectType({ description: '乡镇某季度的最近一次催报' })
export class TownshipReminder {
  @Field(() => ID)
  townshipId!: string;

  @Field(() => Int)
  quarter!: number;

  @Field(() => GraphQLISODateTime)
  lastRemindedAt!: Date;

  @Field(() => GraphQLISODateTime)
  nextAllowedAt!: Date;
}
