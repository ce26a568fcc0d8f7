import { Field, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional, Max, Min } from 'class-validator';
import { SingleLineText } from '../../../common/validation/single-line-text.js';
import { StationKind } from '../station-kind.enum.js';
import { ReceptionScheduleKind } from '../reception-schedule-kind.enum.js';

@InputType({ description: '新增代表联络站 / 活动站' })
export class CreateStationInput {
  @Field({ description: '1-200 characters, unique in the township' })
  @SingleLineText(200)
  name!: string;

  @Field(() => StationKind, { defaultValue: StationKind.LIAISON_STATION })
  kind: StationKind = StationKind.LIAISON_STATION;

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

  @Field(() => String, { nullable: true, description: 'As written, e.g. 每月最后一周的星期二上午' })
  @IsOptional()
  @SingleLineText(200)
  receptionSchedule?: string | null;

  @Field(() => ReceptionScheduleKind, { nullable: true })
  @IsOptional()
  scheduleKind?: ReceptionScheduleKind | null;

  @Field(() => Int, { nullable: true, description: '1-31, for MONTHLY_DAY' })
  @IsOptional()
  @Min(1)
  @Max(31)
  scheduleDayOfMonth?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'ISO weekday 1-7, for MONTHLY_LAST_WEEKDAY and MONTHLY_NTH_WEEKDAY',
  })
  @IsOptional()
  @Min(1)
  @Max(7)
  scheduleWeekday?: number | null;

  @Field(() => Int, { nullable: true, description: '1-4, for MONTHLY_NTH_WEEKDAY' })
  @IsOptional()
  @Min(1)
  @Max(4)
  scheduleWeekOfMonth?: number | null;

  @Field(() => Int, { nullable: true, description: '1-999' })
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
