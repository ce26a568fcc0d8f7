import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { DatePrecision } from '../../../common/enums/date-precision.enum.js';
import { MultiLineText } from '../../../common/validation/multi-line-text.js';
import { NotNullWhenGiven } from '../../../common/validation/not-null-when-given.js';
import { SingleLineText } from '../../../common/validation/single-line-text.js';
import { ActivityType } from '../activity-type.enum.js';
import { ActivityParticipantInput } from './activity-participant.input.js';
import { MAX_PARTICIPANTS } from './max-participants.js';

@InputType({ description: '修改代表活动 / Omitted fields keep their value; null clears an optional one' })
export class UpdateActivityInput {
  @Field(() => ActivityType, { nullable: true })
  @NotNullWhenGiven()
  type?: ActivityType;

  @Field(() => LocalDateResolver, { nullable: true })
  @NotNullWhenGiven()
  occurredOn?: string;

  @Field(() => DatePrecision, { nullable: true })
  @NotNullWhenGiven()
  datePrecision?: DatePrecision;

  @Field(() => String, { nullable: true })
  @NotNullWhenGiven()
  @SingleLineText(300)
  title?: string;

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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MultiLineText(5000)
  outcome?: string | null;

  @Field(() => [ActivityParticipantInput], {
    nullable: true,
    description: 'When given, replaces the participants (an empty list removes them all); omitted or null keeps them',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  participants?: ActivityParticipantInput[] | null;
}
