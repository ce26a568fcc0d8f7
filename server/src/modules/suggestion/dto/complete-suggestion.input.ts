import { Field, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional } from 'class-validator';
import { OutcomeClass } from '../outcome-class.enum.js';
import { Satisfaction } from '../satisfaction.enum.js';

@InputType()
export class CompleteSuggestionInput {
  @Field(() => LocalDateResolver)
  completedOn!: string;

  @Field(() => OutcomeClass, { description: 'Completion needs an outcome class (A solved … D kept for reference)' })
  outcomeClass!: OutcomeClass;

  @Field(() => Satisfaction, { nullable: true, description: 'The proposers’ rating (满意度测评)' })
  @IsOptional()
  satisfaction?: Satisfaction | null;
}
