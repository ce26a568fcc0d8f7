import { Field, InputType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { SuggestionKind } from '../suggestion-kind.enum.js';

@InputType({ description: '代表本人提出建议 / A deputy submits a suggestion, as its proposer' })
export class SubmitSuggestionInput {
  @Field(() => SuggestionKind, { defaultValue: SuggestionKind.SUGGESTION })
  kind: SuggestionKind = SuggestionKind.SUGGESTION;

  @Field()
  @Length(1, 300)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  category?: string | null;
}
