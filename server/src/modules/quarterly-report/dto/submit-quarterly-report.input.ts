import { Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Min, ValidateNested } from 'class-validator';
import { ReportValueInput } from './report-value.input.js';
import { MultiLineText } from '../../../common/validation/multi-line-text.js';

@InputType()
export class SubmitQuarterlyReportInput {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  quarter!: number;

  @Field({ description: 'Unique per submission attempt: a replay with the same key returns the first result' })
  @Length(8, 100)
  idempotencyKey!: string;

  @Field(() => Int, { description: 'The version the clerk saw (QuarterlyReportDraft.version)' })
  @Min(0)
  expectedVersion!: number;

  @Field(() => [ReportValueInput], { description: 'Values to report; a metric left out is reported as recorded' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  values!: ReportValueInput[];

  @Field(() => String, { nullable: true, description: 'Required when correcting an accepted report' })
  @IsOptional()
  @MultiLineText(1000)
  correctionReason?: string | null;
}
