import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { DutyKind } from './duty-kind.enum.js';

/** Points per duty of one kind; `cap` bounds what the kind gives one deputy in one year (either sign). */
@ObjectType({ description: '积分规则：每项履职的分值及年度上限' })
export class PerformanceRule {
  @Field(() => DutyKind)
  duty!: DutyKind;

  @Field(() => Int, { description: 'Points per duty; negative for a deduction (e.g. unexcused absence)' })
  points!: number;

  @Field(() => Int, { nullable: true, description: 'At most this many points (or deducted) per deputy and year' })
  cap!: number | null;
}

@InputType({ description: '积分规则' })
export class PerformanceRuleInput {
  @Field(() => DutyKind)
  duty!: DutyKind;

  @Field(() => Int, { description: '-100 to 100' })
  points!: number;

  @Field(() => Int, { nullable: true, description: '0 to 1000; null: no cap' })
  @IsOptional()
  cap?: number | null;
}

/** The stored form: the JSON column holds exactly these fields. */
export interface StoredRule {
  duty: DutyKind;
  points: number;
  cap: number | null;
}
