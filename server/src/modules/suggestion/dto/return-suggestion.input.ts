import { Field, InputType } from 'type-graphql';
import { MultiLineText } from '../../../common/validation/multi-line-text.js';

@InputType()
export class ReturnSuggestionInput {
  @Field({ description: '退回理由' })
  @MultiLineText(1000)
  reason!: string;
}
