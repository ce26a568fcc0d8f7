import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { DatePrecision } from '../../../common/enums/date-precision.enum.js';
import { MultiLineText } from '../../../common/validation/multi-line-text.js';
import { SingleLineText } from '../../../common/validation/single-line-text.js';
import { ActivityType } from '../activity-type.enum.js';
import { ActivityParticipantInput } from './activity-participant.input.js';
import { MAX_PARTICIPANTS } from './max-participants.js';

@InputType({ description: '登记代表活动 / An activity with its participants, written whole or not at all' })
export class RecordActivityInput {
  @Field(() => ActivityType)
  type!: ActivityType;

  @Field(() => LocalDateResolver, { description: 'The 1st of the month (MONTH) or January 1st (YEAR) when imprecise' })
  occurredOn!: string;

  @Field(() => DatePrecision, { defaultValue: DatePrecision.DAY })
  datePrecision: DatePrecision = DatePrecision.DAY;

  @Field({ description: '1-300 characters' })
  @SingleLineText(300)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @SingleLineText(300)
  topic?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @SingleLineText(200)
  place?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  stationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  sessionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 5,000 characters' })
  @IsOptional()
  @MultiLineText(5000)
  outcome?: string | null;

  @Field(() => [ActivityParticipantInput], { defaultValue: [], description: 'Each deputy at most once' })
  @ArrayMaxSize(MAX_PARTICIPANTS)
  participants!: ActivityParticipantInput[];
}
