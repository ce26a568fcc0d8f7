import type { ReceptionScheduleKind } from '../graphql/generated/schema-enums';
import { daysInMonth, isoDate, isoWeekday, parseIsoDate, type IsoDate } from './dates';
import type { AppLocale } from '../i18n/locale';

/** A station's structured reception day (Station.scheduleKind and its parts); unknown parts are null. */
export interface ReceptionSchedule {
  scheduleKind: ReceptionScheduleKind | null;
  scheduleDayOfMonth: number | null;
  /** ISO weekday, 1 = Monday */
  scheduleWeekday: number | null;
  scheduleWeekOfMonth: number | null;
}

/**
 * The reception day the schedule gives in one month, or null when the schedule is irregular or a part
 * is unknown: no day is invented. A day past the month's end (the 31st in April) falls on its last day,
 * as the seed data and the server count it.
 */
export function receptionDateInMonth(schedule: ReceptionSchedule, year: number, month: number): IsoDate | null {
  const lastDay = daysInMonth(year, month);
  switch (schedule.scheduleKind) {
    case 'MONTHLY_DAY':
      if (schedule.scheduleDayOfMonth === null) return null;
      return isoDate(year, month, Math.min(schedule.scheduleDayOfMonth, lastDay));
    case 'MONTHLY_LAST_WEEKDAY': {
      if (schedule.scheduleWeekday === null) return null;
      let day = lastDay;
      while (isoWeekday(year, month, day) !== schedule.scheduleWeekday) day--;
      return isoDate(year, month, day);
    }
    case 'MONTHLY_NTH_WEEKDAY': {
      if (schedule.scheduleWeekday === null || schedule.scheduleWeekOfMonth === null) return null;
      let day = 1;
      while (isoWeekday(year, month, day) !== schedule.scheduleWeekday) day++;
      const nth = day + 7 * (schedule.scheduleWeekOfMonth - 1);
      return nth <= lastDay ? isoDate(year, month, nth) : null;
    }
    default:
      return null;
  }
}

/**
 * The next reception on or after `today`, or null when it cannot be computed (irregular, unknown parts)
 * or the station closed before it.
 */
export function nextReceptionDate(
  schedule: ReceptionSchedule,
  today: IsoDate,
  retiredOn: IsoDate | null = null,
): IsoDate | null {
  if (retiredOn !== null && retiredOn < today) return null;
  let { year, month } = parseIsoDate(today);
  for (let i = 0; i < 13; i++) {
    const date = receptionDateInMonth(schedule, year, month);
    if (date !== null && date >= today) return retiredOn !== null && date > retiredOn ? null : date;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return null;
}

/**
 * The next `count` reception days on or after `today` (fewer when the schedule is irregular, a part is
 * unknown, or the station closes before them): a deputy's "coming reception days".
 */
export function comingReceptionDates(
  schedule: ReceptionSchedule,
  today: IsoDate,
  count: number,
  retiredOn: IsoDate | null = null,
): IsoDate[] {
  const dates: IsoDate[] = [];
  let from = today;
  while (dates.length < count) {
    const next = nextReceptionDate(schedule, from, retiredOn);
    if (next === null) break;
    dates.push(next);
    const { year, month, day } = parseIsoDate(next);
    from =
      day < daysInMonth(year, month)
        ? isoDate(year, month, day + 1)
        : month < 12
          ? isoDate(year, month + 1, 1)
          : isoDate(year + 1, 1, 1);
  }
  return dates;
}

const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINALS_ZH = ['一', '二', '三', '四'];
const ORDINALS_EN = ['1st', '2nd', '3rd', '4th'];

function ordinalDayEn(day: number): string {
  const suffix =
    day % 10 === 1 && day !== 11
      ? 'st'
      : day % 10 === 2 && day !== 12
        ? 'nd'
        : day % 10 === 3 && day !== 13
          ? 'rd'
          : 'th';
  return `${day}${suffix}`;
}

/** The schedule in words ("每月最后一个星期二" / "Last Tuesday of each month"), or null when unknown. */
export function describeSchedule(schedule: ReceptionSchedule, locale: AppLocale): string | null {
  const zh = locale === 'zh-CN';
  const weekday = schedule.scheduleWeekday;
  switch (schedule.scheduleKind) {
    case 'MONTHLY_DAY':
      if (schedule.scheduleDayOfMonth === null) return null;
      return zh
        ? `每月${schedule.scheduleDayOfMonth}日`
        : `The ${ordinalDayEn(schedule.scheduleDayOfMonth)} of each month`;
    case 'MONTHLY_LAST_WEEKDAY':
      if (weekday === null) return null;
      return zh ? `每月最后一个星期${WEEKDAYS_ZH[weekday - 1]}` : `Last ${WEEKDAYS_EN[weekday - 1]} of each month`;
    case 'MONTHLY_NTH_WEEKDAY': {
      const nth = schedule.scheduleWeekOfMonth;
      if (weekday === null || nth === null) return null;
      return zh
        ? `每月第${ORDINALS_ZH[nth - 1]}个星期${WEEKDAYS_ZH[weekday - 1]}`
        : `${ORDINALS_EN[nth - 1]} ${WEEKDAYS_EN[weekday - 1]} of each month`;
    }
    case 'IRREGULAR':
      return zh ? '不定期' : 'Irregular';
    default:
      return null;
  }
}
