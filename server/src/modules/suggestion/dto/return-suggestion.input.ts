import { Field, InputType } from 'type-graphql';
import { Length } from 'class-validator';

@InputType()
export class ReturnSuggestionInput {
  @Field({ description: '退回理由' })
  @Length(1, 1000)
  reason!: string;
}
