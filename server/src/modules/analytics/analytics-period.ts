import type { Period } from './dto/period.type.js';
import { commonErrors } from '../../common/errors/common.errors.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A year or a quarter as a date range with a Chinese label; refuses nonsense periods. */
export function analyticsPeriod(
  year: number,
  quarter: number | null | undefined,
  field: readonly (string | number)[],
): Period {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw commonErrors.invalidYear([...field, 'year'], year);
  if (quarter === null || quarter === undefined)
    return { year, quarter: null, label: `${year}年`, from: `${year}-01-01`, to: `${year}-12-31` };
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)
    throw commonErrors.invalidQuarter([...field, 'quarter']);
  const lastDay = new Date(Date.UTC(year, quarter * 3, 0)).getUTCDate();
  return {
    year,
    quarter,
    label: `${year}年第${quarter}季度`,
    from: `${year}-${pad(quarter * 3 - 2)}-01`,
    to: `${year}-${pad(quarter * 3)}-${pad(lastDay)}`,
  };
}
