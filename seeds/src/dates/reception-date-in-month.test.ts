import { describe, expect, it } from '@jest/globals';
import { receptionDateInMonth } from './reception-date-in-month.js';

const none = { scheduleDayOfMonth: null, scheduleWeekday: null, scheduleWeekOfMonth: null };

describe('receptionDateInMonth', () => {
  it('finds the last Tuesday of a month (群利镇 九龙坡 station)', () => {
    const schedule = { ...none, scheduleKind: 'MONTHLY_LAST_WEEKDAY' as const, scheduleWeekday: 2 };
    expect(receptionDateInMonth(schedule, 2021, 10)).toBe('2021-10-26');
    expect(receptionDateInMonth(schedule, 2021, 11)).toBe('2021-11-30');
    expect(receptionDateInMonth(schedule, 2021, 12)).toBe('2021-12-28');
  });

  it('finds a fixed day and the n-th weekday', () => {
    expect(receptionDateInMonth({ ...none, scheduleKind: 'MONTHLY_DAY', scheduleDayOfMonth: 20 }, 2021, 2)).toBe(
      '2021-02-20',
    );
    const secondWednesday = {
      ...none,
      scheduleKind: 'MONTHLY_NTH_WEEKDAY' as const,
      scheduleWeekday: 3,
      scheduleWeekOfMonth: 2,
    };
    expect(receptionDateInMonth(secondWednesday, 2021, 9)).toBe('2021-09-08');
  });

  it('invents no day when the schedule does not give one', () => {
    expect(receptionDateInMonth({ ...none, scheduleKind: 'MONTHLY_DAY' }, 2021, 5)).toBeNull();
    expect(receptionDateInMonth({ ...none, scheduleKind: null }, 2021, 5)).toBeNull();
    expect(receptionDateInMonth({ ...none, scheduleKind: 'IRREGULAR' }, 2021, 5)).toBeNull();
  });
});
