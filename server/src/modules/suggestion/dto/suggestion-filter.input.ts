import { Field, InputType } from 'type-graphql';
import { SuggestionState } from '../suggestion-state.enum.js';
import { SuggestionKind } from '../suggestion-kind.enum.js';
import { OutcomeClass } from '../outcome-class.enum.js';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantFilter } from '../../../common/filters/tenant-filter.js';

@InputType()
export class SuggestionFilter extends TenantFilter {
  @Field(() => [SuggestionState], { nullable: true })
  states?: SuggestionState[] | null;

  @Field(() => SuggestionKind, { nullable: true })
  kind?: SuggestionKind | null;

  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => OutcomeClass, { nullable: true })
  outcomeClass?: OutcomeClass | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Only suggestions whose reply deadline passed before this day and are still unanswered',
  })
  overdueAsOf?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  to?: string | null;
}
