import { Field, Float, InputType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { MultiLineText } from '../../../common/validation/multi-line-text.js';

@InputType()
export class ReportValueInput {
  @Field()
  @Length(1, 80)
  metricKey!: string;

  @Field(() => Float, { nullable: true, description: 'null: unknown' })
  reportedValue!: number | null;

  @Field(() => String, { nullable: true, description: 'Required when the value differs from the recorded one' })
  @IsOptional()
  @MultiLineText(500)
  overrideReason?: string | null;
}
