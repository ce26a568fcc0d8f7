import { Field, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Length } from 'class-validator';
import { CalendarDayKind } from '../calendar-day-kind.enum.js';

@InputType()
export class SetCalendarDayInput {
  @Field(() => LocalDateResolver)
  day!: string;

  @Field(() => CalendarDayKind)
  kind!: CalendarDayKind;

  @Field()
  @Length(1, 50)
  name!: string;
}
