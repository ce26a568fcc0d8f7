import { Field, GraphQLISODateTime, InputType } from 'type-graphql';

@InputType()
export class CountyFilter {
  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  updatedSince?: Date | null;
}
