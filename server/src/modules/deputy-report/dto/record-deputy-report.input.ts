import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional } from 'class-validator';
import { SingleLineText } from '../../../common/validation/single-line-text.js';

@InputType({ description: '登记代表述职及选民评议' })
export class RecordDeputyReportInput {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => LocalDateResolver, { description: 'Within the deputy’s term, not in the future' })
  reportedOn!: string;

  @Field(() => ID, { nullable: true, description: 'The liaison station where the deputy reported' })
  @IsOptional()
  stationId?: string | null;

  @Field(() => Int, { description: 'Voters present (到场选民)' })
  votersPresent!: number;

  @Field(() => Int, { nullable: true, description: 'Evaluation: all three counts or none' })
  @IsOptional()
  satisfied?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  basicallySatisfied?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  dissatisfied?: number | null;

  @Field(() => String, { nullable: true, description: '1-300 characters, e.g. 2025年度述职' })
  @IsOptional()
  @SingleLineText(300)
  title?: string | null;
}
