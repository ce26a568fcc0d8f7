import type { IsoDate, SeedStation } from '../seed-dataset.js';

type Schedule = Pick<SeedStation, 'scheduleKind' | 'scheduleDayOfMonth' | 'scheduleWeekday' | 'scheduleWeekOfMonth'>;

function iso(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a UTC date. */
function isoWeekday(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The reception day a station's schedule gives for one month, or null when the schedule is unknown or
 * irregular (a day cannot be computed, so none is invented here).
 */
export function receptionDateInMonth(schedule: Schedule, year: number, month: number): IsoDate | null {
  const lastDay = daysInMonth(year, month);
  switch (schedule.scheduleKind) {
    case 'MONTHLY_DAY':
      if (schedule.scheduleDayOfMonth === null) return null;
      return iso(year, month, Math.min(schedule.scheduleDayOfMonth, lastDay));
    case 'MONTHLY_LAST_WEEKDAY': {
      if (schedule.scheduleWeekday === null) return null;
      let day = lastDay;
      while (isoWeekday(year, month, day) !== schedule.scheduleWeekday) day--;
      return iso(year, month, day);
    }
    case 'MONTHLY_NTH_WEEKDAY': {
      if (schedule.scheduleWeekday === null || schedule.scheduleWeekOfMonth === null) return null;
      let day = 1;
      while (isoWeekday(year, month, day) !== schedule.scheduleWeekday) day++;
      return iso(year, month, day + 7 * (schedule.scheduleWeekOfMonth - 1));
    }
    default:
      return null;
  }
}
