import { registerEnumType } from 'type-graphql';

/** Structured form of a station's reception day, so the next reception date can be computed. */
export enum ReceptionScheduleKind {
  /** e.g. the 10th of each month */
  MONTHLY_DAY = 'MONTHLY_DAY',
  /** e.g. the last Tuesday of each month */
  MONTHLY_LAST_WEEKDAY = 'MONTHLY_LAST_WEEKDAY',
  /** e.g. the second Monday of each month */
  MONTHLY_NTH_WEEKDAY = 'MONTHLY_NTH_WEEKDAY',
  IRREGULAR = 'IRREGULAR',
}

registerEnumType(ReceptionScheduleKind, { name: 'ReceptionScheduleKind' });
