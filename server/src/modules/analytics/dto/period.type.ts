import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

// Plain data: graphql-js's default resolver, no per-field middleware chain.
@ObjectType({ simpleResolvers: true })
export class Period {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true, description: 'null for a whole year' })
  quarter!: number | null;

  @Field({ description: 'e.g. 2021年第3季度 / 2021年' })
  label!: string;

  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;
}
