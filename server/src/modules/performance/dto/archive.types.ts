import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DatePrecision } from '../../../common/enums/date-precision.enum.js';
import { FigureQualifier } from '../../../common/enums/figure-qualifier.enum.js';
import { ActivityType } from '../../activity/activity-type.enum.js';
import { Attendance } from '../../activity/attendance.enum.js';
import { SuggestionState } from '../../suggestion/suggestion-state.enum.js';
import { OutcomeClass } from '../../suggestion/outcome-class.enum.js';
import { Satisfaction } from '../../suggestion/satisfaction.enum.js';
import { RecordKind } from '../../record-coverage/record-kind.enum.js';
import { DutyKind } from '../duty-kind.enum.js';
import { ArchiveRecordType, ArchiveUnknownReason } from '../archive-record-type.enum.js';

/** The record a duty (or a point) comes from: its table and id link to it. */
@ObjectType({ description: '履职所依据的记录' })
export class DutyRecord {
  @Field(() => ArchiveRecordType)
  type!: ArchiveRecordType;

  @Field(() => ID)
  id!: string;

  @Field(() => LocalDateResolver)
  date!: string;

  @Field(() => DatePrecision)
  datePrecision!: DatePrecision;

  @Field()
  title!: string;

  @Field({ description: 'Generated demo data (模拟): the record or the deputy’s row in it is SYNTHETIC' })
  synthetic!: boolean;
}

@ObjectType({ description: '一项履职' })
export class ArchiveItem {
  @Field(() => DutyKind)
  duty!: DutyKind;

  @Field(() => DutyRecord)
  record!: DutyRecord;

  @Field(() => ActivityType, { nullable: true })
  activityType!: ActivityType | null;

  @Field(() => Attendance, { nullable: true })
  attendance!: Attendance | null;

  @Field(() => Boolean, { nullable: true, description: 'A suggestion proposed jointly (联名) rather than alone' })
  jointly!: boolean | null;

  @Field(() => SuggestionState, { nullable: true })
  suggestionState!: SuggestionState | null;

  @Field(() => OutcomeClass, { nullable: true })
  outcomeClass!: OutcomeClass | null;

  @Field(() => Satisfaction, { nullable: true })
  satisfaction!: Satisfaction | null;

  @Field(() => Int, { nullable: true })
  votersPresent!: number | null;

  @Field(() => Int, { nullable: true })
  satisfied!: number | null;

  @Field(() => Int, { nullable: true })
  basicallySatisfied!: number | null;

  @Field(() => Int, { nullable: true })
  dissatisfied!: number | null;
}

/** How many duties of one kind; null with a reason when the platform cannot know (未录入), never 0. */
@ObjectType({ description: '某类履职的次数（未知为 null 并说明原因）' })
export class ArchiveCount {
  @Field(() => DutyKind)
  duty!: DutyKind;

  @Field(() => RecordKind)
  recordKind!: RecordKind;

  @Field(() => Int, { nullable: true })
  count!: number | null;

  @Field(() => FigureQualifier, {
    nullable: true,
    description: 'EXACT when the records are known complete for the period, AT_LEAST otherwise',
  })
  qualifier!: FigureQualifier | null;

  @Field(() => ArchiveUnknownReason, { nullable: true })
  unknownReason!: ArchiveUnknownReason | null;

  @Field(() => Int, { description: 'How many of them are generated (模拟)' })
  syntheticCount!: number;
}

@ObjectType({ description: '某类记录在该期间是否完整' })
export class ArchiveCoverage {
  @Field(() => RecordKind)
  recordKind!: RecordKind;

  @Field({ description: 'The township’s records of this kind are complete for the whole period' })
  complete!: boolean;

  @Field(() => LocalDateResolver, { nullable: true })
  recordedSince!: string | null;
}

@ObjectType({ description: '代表履职档案（一个年度或一届）' })
export class DeputyArchive {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => ID, { nullable: true })
  termId!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day of the period' })
  from!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of the period (today while it runs)' })
  to!: string | null;

  @Field(() => ArchiveUnknownReason, { nullable: true, description: 'Why the whole period is unknown' })
  unknownReason!: ArchiveUnknownReason | null;

  @Field(() => [ArchiveCoverage])
  coverage!: ArchiveCoverage[];

  @Field(() => [ArchiveCount])
  counts!: ArchiveCount[];

  @Field(() => [ArchiveItem], { description: 'Every duty in date order' })
  items!: ArchiveItem[];

  @Field({ description: 'Some item rests on generated (模拟) records' })
  includesSynthetic!: boolean;
}
