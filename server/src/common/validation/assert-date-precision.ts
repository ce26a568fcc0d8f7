import { DatePrecision } from '../enums/date-precision.enum.js';
import { commonErrors } from '../errors/common.errors.js';

/** A date known only to the month is stored as the 1st of that month, one known to the year as January 1st. */
export function assertDatePrecision(
  value: string,
  precision: DatePrecision,
  field: readonly (string | number)[],
): void {
  if (precision === DatePrecision.MONTH && !value.endsWith('-01')) {
    throw commonErrors.dateNotMonthStart(field, value);
  }
  if (precision === DatePrecision.YEAR && !value.endsWith('-01-01')) {
    throw commonErrors.dateNotYearStart(field, value);
  }
}
