import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { SuggestionKind } from '../suggestion-kind.enum.js';

@InputType()
export class RecordSuggestionInput {
  @Field(() => SuggestionKind, { defaultValue: SuggestionKind.SUGGESTION })
  kind: SuggestionKind = SuggestionKind.SUGGESTION;

  @Field()
  @Length(1, 300)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  category?: string | null;

  @Field(() => LocalDateResolver)
  submittedOn!: string;

  @Field(() => ID, { nullable: true, description: 'The congress session it was raised at' })
  @IsOptional()
  sessionId?: string | null;

  @Field(() => [ID], { description: 'Deputies of the township who proposed it' })
  @ArrayMaxSize(50)
  proposerIds!: string[];
}
