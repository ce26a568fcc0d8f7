import { WorkingDayCalendar } from './working-day-calendar.js';

describe('WorkingDayCalendar', () => {
  // 2021 National Day: Oct 1-7 off (Oct 1, 4-7 are weekdays), Sunday Sep 26 and Saturday Oct 9 worked.
  const calendar = new WorkingDayCalendar([
    { day: '2021-10-01', kind: 'HOLIDAY' },
    { day: '2021-10-04', kind: 'HOLIDAY' },
    { day: '2021-10-05', kind: 'HOLIDAY' },
    { day: '2021-10-06', kind: 'HOLIDAY' },
    { day: '2021-10-07', kind: 'HOLIDAY' },
    { day: '2021-09-26', kind: 'WORKDAY' },
    { day: '2021-10-09', kind: 'WORKDAY' },
  ]);

  it('counts weekdays, skips holidays and counts make-up weekend days', () => {
    expect(calendar.isWorkingDay('2021-09-24')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2021-09-25')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2021-09-26')).toBe(true); // Sunday, worked
    expect(calendar.isWorkingDay('2021-10-05')).toBe(false); // Tuesday, holiday
    expect(calendar.isWorkingDay('2021-10-09')).toBe(true); // Saturday, worked
  });

  it('adds working days across the National Day holiday and its make-up days', () => {
    // From Fri Sep 24: Sun 26 (1), Mon 27 (2), Tue 28 (3), Wed 29 (4), Thu 30 (5), Fri Oct 8 (6), Sat Oct 9 (7), Mon Oct 11 (8).
    expect(calendar.addWorkingDays('2021-09-24', 5)).toBe('2021-09-30');
    expect(calendar.addWorkingDays('2021-09-24', 6)).toBe('2021-10-08');
    expect(calendar.addWorkingDays('2021-09-24', 7)).toBe('2021-10-09');
    expect(calendar.addWorkingDays('2021-09-24', 8)).toBe('2021-10-11');
    // Without the calendar the same span would end on plain weekdays.
    expect(new WorkingDayCalendar([]).addWorkingDays('2021-09-24', 8)).toBe('2021-10-06');
  });
});
