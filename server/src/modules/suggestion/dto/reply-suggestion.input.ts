import { Field, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Length } from 'class-validator';

@InputType()
export class ReplySuggestionInput {
  @Field()
  @Length(1, 5000)
  reply!: string;

  @Field(() => LocalDateResolver, { description: 'A reply needs its date' })
  repliedOn!: string;
}
