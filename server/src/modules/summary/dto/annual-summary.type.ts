import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SummaryFigure } from './summary-figure.type.js';
import { SummaryKind } from './summary-kind.enum.js';
import { SummarySentence } from './summary-sentence.type.js';

@ObjectType({
  description:
    '年度（或届内）工作小结 / A township’s year or term in figures, with the paragraph its work report would open with',
})
export class AnnualSummary {
  @Field(() => ID)
  townshipId!: string;

  @Field()
  townshipName!: string;

  @Field(() => SummaryKind)
  kind!: SummaryKind;

  @Field(() => Int, { nullable: true, description: 'The year summarised; null for a term summary' })
  year!: number | null;

  @Field(() => ID, { nullable: true, description: 'The term summarised; null for a year summary' })
  termId!: string | null;

  @Field(() => [SummaryFigure])
  figures!: SummaryFigure[];

  @Field(() => [SummarySentence], { description: 'The paragraph sentence by sentence, each with the facts it states' })
  sentences!: SummarySentence[];

  @Field({ description: 'The whole text; only known facts, generated ones left out or marked （模拟）' })
  paragraphZh!: string;

  @Field({ description: 'Whether any sentence or figure rests on synthetic (demo) data' })
  includesSynthetic!: boolean;
}
