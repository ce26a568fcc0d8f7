import { Field, GraphQLISODateTime, InputType, Int } from 'type-graphql';

@InputType()
export class SetReportingDeadlineInput {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  quarter!: number;

  @Field(() => GraphQLISODateTime)
  dueAt!: Date;
}
