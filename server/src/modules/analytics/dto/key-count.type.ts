import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class KeyCount {
  @Field(() => String, { nullable: true, description: 'null: not recorded (e.g. no category)' })
  key!: string | null;

  @Field(() => Int)
  count!: number;
}
