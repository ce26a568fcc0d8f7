/** ISO date arithmetic in UTC: dates here are calendar days, never instants. */
function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isWeekend(isoDate: string): boolean {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * Working days in China: Monday to Friday, except public holidays (节假日), plus weekend days worked
 * to make up for them (调休). Exceptions are data (calendar_day), so an admin can extend the calendar.
 */
export class WorkingDayCalendar {
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;

  constructor(exceptions: readonly { day: string; kind: 'HOLIDAY' | 'WORKDAY' }[]) {
    this.holidays = new Set(exceptions.filter((e) => e.kind === 'HOLIDAY').map((e) => e.day));
    this.workdays = new Set(exceptions.filter((e) => e.kind === 'WORKDAY').map((e) => e.day));
  }

  isWorkingDay(isoDate: string): boolean {
    if (this.workdays.has(isoDate)) return true;
    return !isWeekend(isoDate) && !this.holidays.has(isoDate);
  }

  /** The n-th working day after `start` (the start day itself does not count). */
  addWorkingDays(start: string, n: number): string {
    let day = start;
    for (let counted = 0; counted < n;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return day;
  }

  /** Calendar days to load so that `addWorkingDays(start, n)` sees every exception it may meet. */
  static windowFor(start: string, n: number): { from: string; to: string } {
    // Even the longest run of holidays (Spring Festival, 9 days) cannot stretch n working days past 2n + 30 days.
    return { from: start, to: addDays(start, 2 * n + 30) };
  }
}
