import { Field, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { MetricKind } from '../metric-kind.enum.js';
import { MultiLineText } from '../../../common/validation/multi-line-text.js';

@InputType()
export class DefineMetricInput {
  @Field()
  @Matches(/^[a-z][a-z0-9_]{2,79}$/, { message: 'key: 3-80 lower-case letters, digits and _' })
  key!: string;

  @Field()
  @Length(1, 100)
  nameZh!: string;

  @Field()
  @Length(1, 200)
  nameEn!: string;

  @Field()
  @Length(1, 20)
  unit!: string;

  @Field(() => MetricKind, {
    description: 'COUNT: entered by townships in their reports; RATE: numerator ÷ denominator',
  })
  kind!: MetricKind;

  @Field()
  higherIsBetter!: boolean;

  @Field()
  @MultiLineText(2000)
  computation!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  numeratorKey?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  denominatorKey?: string | null;
}
