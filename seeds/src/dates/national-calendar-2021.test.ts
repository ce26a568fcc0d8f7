import { isWorkingDay, workingDayNear } from './national-calendar-2021.js';

describe('the 2021 national calendar', () => {
  it('knows weekends, holidays and make-up working days', () => {
    expect(isWorkingDay('2021-10-04')).toBe(false); // 国庆节, a Monday
    expect(isWorkingDay('2021-10-09')).toBe(true); // 调休, a Saturday
    expect(isWorkingDay('2021-11-13')).toBe(false); // a Saturday
    expect(isWorkingDay('2021-11-15')).toBe(true);
  });

  it('moves a date to the next working day, or back when that leaves the window', () => {
    expect(workingDayNear('2021-10-01')).toBe('2021-10-08');
    expect(workingDayNear('2021-11-27', '2021-11-30')).toBe('2021-11-29');
    expect(workingDayNear('2021-11-27', '2021-11-28')).toBe('2021-11-26');
    expect(workingDayNear('2021-11-26')).toBe('2021-11-26');
  });
});
