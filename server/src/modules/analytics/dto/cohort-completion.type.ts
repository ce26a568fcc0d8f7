import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Completion of one cohort of suggestions (a congress session, or a quarter of submission)' })
export class CohortCompletion {
  @Field()
  label!: string;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Float, { nullable: true, description: '办结率 %' })
  rate!: number | null;

  @Field()
  smallSample!: boolean;
}
