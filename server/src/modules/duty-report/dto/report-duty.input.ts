import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional } from 'class-validator';
import { MultiLineText } from '../../../common/validation/multi-line-text.js';
import { DutyReportKind } from '../duty-report-kind.enum.js';

@InputType({ description: '代表报告履职 / A deputy reports a duty done, for the clerk to confirm' })
export class ReportDutyInput {
  @Field(() => DutyReportKind)
  kind!: DutyReportKind;

  @Field(() => LocalDateResolver)
  occurredOn!: string;

  @Field({ description: 'What was done, in the deputy’s words (the clerk reads it to confirm)' })
  @MultiLineText(300)
  description!: string;

  @Field(() => ID, { nullable: true, description: 'The activity, when it is one the deputy is already listed in' })
  @IsOptional()
  activityId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The reporting deputy: the caller’s own deputy when given at all; any other is refused',
  })
  @IsOptional()
  deputyId?: string | null;
}
