import { Field, ID, InputType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { IsOptional, Length } from 'class-validator';
import { MultiLineText } from '../../../common/validation/multi-line-text.js';

@InputType()
export class SaveQueryInput {
  @Field(() => ID, { nullable: true, description: 'Set to update one of your own saved queries' })
  @IsOptional()
  id?: string | null;

  @Field()
  @Length(1, 100)
  name!: string;

  @Field()
  @MultiLineText(20000)
  query!: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @IsOptional()
  variables?: Record<string, unknown> | null;
}
