import { Field, InputType, Int } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { MultiLineText } from '../../../common/validation/multi-line-text.js';
import { PerformanceRuleInput } from '../performance-rule.js';

@InputType({ description: '保存履职积分方案（写入新版本）' })
export class SavePerformanceSchemeInput {
  @Field(() => Int)
  year!: number;

  @Field(() => [PerformanceRuleInput], { description: 'Each duty at most once; duties not listed score nothing' })
  rules!: PerformanceRuleInput[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  yearCap?: number | null;

  @Field(() => Int, {
    description: 'The latest version the editor saw (0 when none): a save over a newer version is a CONFLICT',
  })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Required for a year that has ended: why its scheme changes' })
  @IsOptional()
  @MultiLineText(2000)
  revisionReason?: string | null;
}
