import type { IsoDate } from '../seed-dataset.js';
import { addDays } from './add-days.js';

/**
 * The 2021 national calendar (国务院办公厅节假日安排) the seed's generated events respect: public
 * holidays, and the weekend days that were working days (调休). The server holds the same days in its
 * calendar_day table (migration write_path); a server test checks the two agree, so the seed package
 * needs no database to be built and no second calendar can drift.
 */
export const HOLIDAYS_2021: readonly IsoDate[] = [
  '2021-01-01',
  '2021-02-11',
  '2021-02-12',
  '2021-02-15',
  '2021-02-16',
  '2021-02-17',
  '2021-04-05',
  '2021-05-03',
  '2021-05-04',
  '2021-05-05',
  '2021-06-14',
  '2021-09-20',
  '2021-09-21',
  '2021-10-01',
  '2021-10-04',
  '2021-10-05',
  '2021-10-06',
  '2021-10-07',
];

export const MAKE_UP_WORKDAYS_2021: readonly IsoDate[] = [
  '2021-02-07',
  '2021-02-20',
  '2021-04-25',
  '2021-05-08',
  '2021-09-18',
  '2021-09-26',
  '2021-10-09',
];

const holidays = new Set(HOLIDAYS_2021);
const workdays = new Set(MAKE_UP_WORKDAYS_2021);

/** Monday to Friday unless a holiday, plus the make-up Saturdays and Sundays. */
export function isWorkingDay(date: IsoDate): boolean {
  if (holidays.has(date)) return false;
  if (workdays.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The first working day on or after `date`, or, when that would pass `latest`, the last one on or
 * before it: a generated event moves off a weekend or holiday without leaving its window.
 */
export function workingDayNear(date: IsoDate, latest: IsoDate | null = null): IsoDate {
  let next = date;
  while (!isWorkingDay(next)) next = addDays(next, 1);
  if (latest === null || next <= latest) return next;
  let previous = date;
  while (!isWorkingDay(previous)) previous = addDays(previous, -1);
  return previous;
}
