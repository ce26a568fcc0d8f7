import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RecordKind } from '../../record-coverage/record-kind.enum.js';
import { DutyKind } from '../duty-kind.enum.js';
import { ArchiveUnknownReason } from '../archive-record-type.enum.js';
import { DutyRecord } from './archive.types.js';

/** One record scored by one rule: what the points come from. */
@ObjectType({ description: '一笔积分：依据的规则与记录' })
export class PerformanceItem {
  @Field(() => DutyKind)
  rule!: DutyKind;

  @Field(() => Int, { description: 'Points given, after the rule’s and the year’s caps' })
  points!: number;

  @Field(() => Int, { description: 'The rule’s points for one duty, before caps' })
  rulePoints!: number;

  @Field(() => DutyRecord)
  record!: DutyRecord;
}

@ObjectType({ description: '代表年度履职积分' })
export class DeputyPerformance {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true, description: 'The scheme version used; null when the county has none' })
  schemeVersion!: number | null;

  @Field(() => Int, { nullable: true, description: 'Sum of the items; null (with a reason) when unknown, never 0' })
  total!: number | null;

  @Field({ description: 'Every kind of record the scheme scores is complete for the year: the total is final' })
  complete!: boolean;

  @Field(() => [RecordKind], { description: 'Kinds the scheme scores whose records are not known complete' })
  unknownKinds!: RecordKind[];

  @Field(() => ArchiveUnknownReason, { nullable: true })
  unknownReason!: ArchiveUnknownReason | null;

  @Field()
  includesSynthetic!: boolean;

  @Field(() => [PerformanceItem])
  items!: PerformanceItem[];
}

@ObjectType({ description: '积分排名中的一行' })
export class PerformanceRankingRow {
  @Field(() => ID)
  deputyId!: string;

  @Field()
  deputyName!: string;

  @Field(() => ID)
  townshipId!: string;

  @Field()
  townshipName!: string;

  @Field(() => Int, { nullable: true })
  total!: number | null;

  @Field(() => Int, { nullable: true, description: 'Competition ranking (1, 2, 2, 4) among known totals' })
  rank!: number | null;

  @Field()
  complete!: boolean;

  @Field(() => ArchiveUnknownReason, { nullable: true })
  unknownReason!: ArchiveUnknownReason | null;

  @Field()
  includesSynthetic!: boolean;
}

@ObjectType({ description: '积分排名' })
export class PerformanceRanking {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true })
  schemeVersion!: number | null;

  @Field(() => [PerformanceRankingRow])
  rows!: PerformanceRankingRow[];
}
