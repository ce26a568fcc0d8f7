import type { ReportState } from '../../graphql/generated/schema-enums';
import { todayInChina, type IsoDate } from '../../utils/dates';

/** Where the period now due stands against its deadline, as the to-do says it. */
export type DeadlineStatus =
  | { kind: 'SUBMITTED'; on: IsoDate; late: boolean }
  | { kind: 'DUE_IN'; days: number }
  | { kind: 'DUE_TODAY' }
  | { kind: 'OVERDUE'; days: number; returned: boolean };

const dayNumber = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * Days are whole China calendar days (the deadline's date in China against today's). A report waiting
 * with the county (submitted or accepted) is done; one never submitted, or returned and not yet
 * resubmitted, counts down to the deadline and then counts the days overdue.
 */
export function deadlineStatus(
  deadline: string,
  report: { state: ReportState; submittedAt?: string | null; late: boolean } | null,
  now: Date = new Date(),
): DeadlineStatus {
  if (report && (report.state === 'SUBMITTED' || report.state === 'ACCEPTED') && report.submittedAt) {
    return { kind: 'SUBMITTED', on: todayInChina(new Date(report.submittedAt)), late: report.late };
  }
  const days = dayNumber(todayInChina(new Date(deadline))) - dayNumber(todayInChina(now));
  if (days > 0) return { kind: 'DUE_IN', days };
  if (days === 0) return { kind: 'DUE_TODAY' };
  return { kind: 'OVERDUE', days: -days, returned: report?.state === 'RETURNED' };
}

/** The quarter in progress on a date: its first and last day. */
export function quarterRange(date: IsoDate): { from: IsoDate; to: IsoDate; year: number; quarter: number } {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    year,
    quarter,
    from: `${year}-${String(lastMonth - 2).padStart(2, '0')}-01`,
    to: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}`,
  };
}
