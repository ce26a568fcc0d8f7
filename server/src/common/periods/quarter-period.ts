import { commonErrors } from '../errors/common.errors.js';
import { chinaToday } from '../validation/china-today.js';

export interface QuarterPeriod {
  year: number;
  quarter: number;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A quarter's first and last day; refuses quarters that have not started yet. */
export function quarterPeriod(year: number, quarter: number, field: readonly string[] = ['input']): QuarterPeriod {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw commonErrors.invalidYear([...field, 'year'], year);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)
    throw commonErrors.invalidQuarter([...field, 'quarter']);
  const from = `${year}-${pad(quarter * 3 - 2)}-01`;
  const lastDay = new Date(Date.UTC(year, quarter * 3, 0)).getUTCDate();
  const to = `${year}-${pad(quarter * 3)}-${pad(lastDay)}`;
  if (from > chinaToday()) throw commonErrors.quarterNotStarted([...field, 'quarter'], year, quarter);
  return { year, quarter, from, to };
}

/** Without a county deadline: the 10th of the month after the quarter, end of day, China time. */
export function defaultDeadline(year: number, quarter: number): Date {
  const month = quarter * 3 + 1;
  const [y, m] = month > 12 ? [year + 1, 1] : [year, month];
  return new Date(`${y}-${pad(m)}-10T23:59:59+08:00`);
}
