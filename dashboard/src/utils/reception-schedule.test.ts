import { describe, expect, it } from '@jest/globals';
import {
  comingReceptionDates,
  describeSchedule,
  nextReceptionDate,
  receptionDateInMonth,
  type ReceptionSchedule,
} from './reception-schedule';

const none: ReceptionSchedule = {
  scheduleKind: null,
  scheduleDayOfMonth: null,
  scheduleWeekday: null,
  scheduleWeekOfMonth: null,
};
const lastTuesday: ReceptionSchedule = { ...none, scheduleKind: 'MONTHLY_LAST_WEEKDAY', scheduleWeekday: 2 };
const tenth: ReceptionSchedule = { ...none, scheduleKind: 'MONTHLY_DAY', scheduleDayOfMonth: 10 };
const secondWednesday: ReceptionSchedule = {
  ...none,
  scheduleKind: 'MONTHLY_NTH_WEEKDAY',
  scheduleWeekday: 3,
  scheduleWeekOfMonth: 2,
};

describe('receptionDateInMonth', () => {
  it('finds the last Tuesday (群利镇 九龙坡 station), a fixed day and the n-th weekday', () => {
    expect(receptionDateInMonth(lastTuesday, 2021, 10)).toBe('2021-10-26');
    expect(receptionDateInMonth(lastTuesday, 2021, 11)).toBe('2021-11-30');
    expect(receptionDateInMonth(tenth, 2021, 2)).toBe('2021-02-10');
    expect(receptionDateInMonth(secondWednesday, 2021, 9)).toBe('2021-09-08');
  });

  it('falls on the last day for a day the month lacks', () => {
    expect(receptionDateInMonth({ ...tenth, scheduleDayOfMonth: 31 }, 2021, 4)).toBe('2021-04-30');
    expect(receptionDateInMonth({ ...tenth, scheduleDayOfMonth: 31 }, 2024, 2)).toBe('2024-02-29');
  });
});

describe('nextReceptionDate', () => {
  it('is today when today is the reception day', () => {
    expect(nextReceptionDate(lastTuesday, '2021-10-26')).toBe('2021-10-26');
  });

  it('moves to the next month once this month’s day has passed, across a year end', () => {
    expect(nextReceptionDate(lastTuesday, '2021-10-27')).toBe('2021-11-30');
    expect(nextReceptionDate(tenth, '2021-12-11')).toBe('2022-01-10');
  });

  it('invents nothing for irregular or incomplete schedules', () => {
    expect(nextReceptionDate({ ...none, scheduleKind: 'IRREGULAR' }, '2021-10-01')).toBeNull();
    expect(nextReceptionDate({ ...none, scheduleKind: 'MONTHLY_DAY' }, '2021-10-01')).toBeNull();
    expect(nextReceptionDate(none, '2021-10-01')).toBeNull();
  });

  it('gives none after the station closed', () => {
    expect(nextReceptionDate(tenth, '2021-10-11', '2021-10-20')).toBeNull();
    expect(nextReceptionDate(tenth, '2021-10-01', '2021-09-30')).toBeNull();
    expect(nextReceptionDate(tenth, '2021-10-01', '2021-12-31')).toBe('2021-10-10');
  });
});

describe('describeSchedule', () => {
  it('writes the schedule in both languages', () => {
    expect(describeSchedule(lastTuesday, 'zh-CN')).toBe('每月最后一个星期二');
    expect(describeSchedule(lastTuesday, 'en')).toBe('Last Tuesday of each month');
    expect(describeSchedule(tenth, 'zh-CN')).toBe('每月10日');
    expect(describeSchedule({ ...tenth, scheduleDayOfMonth: 22 }, 'en')).toBe('The 22nd of each month');
    expect(describeSchedule(secondWednesday, 'zh-CN')).toBe('每月第二个星期三');
    expect(describeSchedule(secondWednesday, 'en')).toBe('2nd Wednesday of each month');
    expect(describeSchedule({ ...none, scheduleKind: 'IRREGULAR' }, 'en')).toBe('Irregular');
  });

  it('is null when a part is unknown', () => {
    expect(describeSchedule({ ...none, scheduleKind: 'MONTHLY_DAY' }, 'zh-CN')).toBeNull();
    expect(describeSchedule(none, 'en')).toBeNull();
  });
});

describe('comingReceptionDates', () => {
  it('lists the next reception days in order, today included, across the year end', () => {
    expect(comingReceptionDates(tenth, '2025-11-10', 3)).toEqual(['2025-11-10', '2025-12-10', '2026-01-10']);
    expect(comingReceptionDates(lastTuesday, '2026-12-30', 2)).toEqual(['2027-01-26', '2027-02-23']);
  });

  it('stops at the station closing and gives none for an irregular or unknown schedule', () => {
    expect(comingReceptionDates(tenth, '2025-11-11', 3, '2026-01-05')).toEqual(['2025-12-10']);
    expect(comingReceptionDates(none, '2025-11-11', 3)).toEqual([]);
    expect(comingReceptionDates({ ...none, scheduleKind: 'IRREGULAR' }, '2025-11-11', 3)).toEqual([]);
  });
});
