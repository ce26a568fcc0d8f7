import { Field, ID, Int, ObjectType } from 'type-graphql';

// Plain data: graphql-js's default resolver, no per-field middleware chain.
@ObjectType({ simpleResolvers: true })
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
