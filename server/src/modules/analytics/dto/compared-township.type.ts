import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class ComparedTownship {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Deputies currently serving (the per-deputy base)' })
  deputies!: number;
}
