import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SummaryFigure } from './summary-figure.type.js';

@ObjectType({
  description: '年度工作统计 / A township’s year in figures, with the paragraph its work report opens with',
})
export class AnnualSummary {
  @Field(() => ID)
  townshipId!: string;

  @Field()
  townshipName!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => [SummaryFigure])
  figures!: SummaryFigure[];

  @Field({ description: 'Generated from the figures; unknown figures are said to be unknown' })
  paragraphZh!: string;

  @Field({ description: 'Whether any figure rests on synthetic (demo) data' })
  includesSynthetic!: boolean;
}
