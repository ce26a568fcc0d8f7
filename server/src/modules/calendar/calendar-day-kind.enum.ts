import { registerEnumType } from 'type-graphql';

export enum CalendarDayKind {
  /** A public holiday that falls on a weekday (节假日). */
  HOLIDAY = 'HOLIDAY',
  /** A weekend day worked to make up for a holiday (调休上班). */
  WORKDAY = 'WORKDAY',
}

registerEnumType(CalendarDayKind, { name: 'CalendarDayKind', description: '节假日 / 调休工作日' });
