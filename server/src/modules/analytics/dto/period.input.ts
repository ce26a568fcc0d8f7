import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A quarter, or a whole year when quarter is omitted' })
export class PeriodInput {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true })
  quarter?: number | null;
}
