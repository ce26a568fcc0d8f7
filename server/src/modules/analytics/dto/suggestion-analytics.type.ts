import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { KeyCount } from './key-count.type.js';
import { CohortCompletion } from './cohort-completion.type.js';

@ObjectType({ description: '代表建议办理分析 / Suggestion handling analytics' })
export class SuggestionAnalytics {
  @Field(() => Int)
  total!: number;

  @Field(() => [KeyCount])
  byState!: KeyCount[];

  @Field(() => [KeyCount])
  byOutcomeClass!: KeyCount[];

  @Field(() => [KeyCount])
  byCategory!: KeyCount[];

  @Field(() => [KeyCount])
  byHandlingUnit!: KeyCount[];

  @Field(() => LocalDateResolver)
  asOf!: string;

  @Field(() => Int, { description: 'Assigned, deadline passed, not yet replied' })
  overdue!: number;

  @Field(() => [CohortCompletion])
  completionBySession!: CohortCompletion[];

  @Field(() => [CohortCompletion])
  completionByQuarter!: CohortCompletion[];
}
