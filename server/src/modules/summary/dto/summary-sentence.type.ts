import { Field, ObjectType } from 'type-graphql';
import { SummaryFact } from './summary-fact.type.js';

@ObjectType({ description: '小结中的一句话及其依据 / One sentence of a summary and the facts it states' })
export class SummarySentence {
  @Field()
  textZh!: string;

  @Field({ description: 'Rests on at least one generated (SYNTHETIC) fact' })
  synthetic!: boolean;

  @Field(() => [SummaryFact])
  basis!: SummaryFact[];
}
