import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';

@InputType()
export class TownshipFilter {
  @Field(() => ID, { nullable: true })
  countyId?: string | null;

  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  updatedSince?: Date | null;
}
