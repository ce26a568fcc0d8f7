import { Field, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional, Max, Min } from 'class-validator';
import { NotNullWhenGiven } from '../../../common/validation/not-null-when-given.js';
import { SingleLineText } from '../../../common/validation/single-line-text.js';
import { StationKind } from '../station-kind.enum.js';
import { ReceptionScheduleKind } from '../reception-schedule-kind.enum.js';

@InputType({ description: '修改代表联络站 / Omitted fields keep their value; null clears an optional one' })
export class UpdateStationInput {
  @Field(() => String, { nullable: true })
  @NotNullWhenGiven()
  @SingleLineText(200)
  name?: string;

  @Field(() => StationKind, { nullable: true })
  @NotNullWhenGiven()
  kind?: StationKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @SingleLineText(100)
  village?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @SingleLineText(300)
  address?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  openedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @SingleLineText(200)
  receptionSchedule?: string | null;

  @Field(() => ReceptionScheduleKind, { nullable: true })
  @IsOptional()
  scheduleKind?: ReceptionScheduleKind | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(31)
  scheduleDayOfMonth?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(7)
  scheduleWeekday?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(4)
  scheduleWeekOfMonth?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(999)
  deputiesPerReception?: number | null;

  @Field(() => Int, { nullable: true, description: '1-999: the fewest deputies, when a range is given' })
  @IsOptional()
  @Min(1)
  @Max(999)
  deputiesPerReceptionMin?: number | null;
}
