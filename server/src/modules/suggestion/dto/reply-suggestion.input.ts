import { Field, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MultiLineText } from '../../../common/validation/multi-line-text.js';

@InputType()
export class ReplySuggestionInput {
  @Field()
  @MultiLineText(5000)
  reply!: string;

  @Field(() => LocalDateResolver, { description: 'A reply needs its date' })
  repliedOn!: string;
}
