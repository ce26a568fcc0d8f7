import { DatePrecision } from '../enums/date-precision.enum.js';
import { badInputError } from '../errors/bad-input-error.js';

/** A date known only to the month is stored as the 1st of that month, one known to the year as January 1st. */
export function assertDatePrecision(
  value: string,
  precision: DatePrecision,
  field: readonly (string | number)[],
): void {
  if (precision === DatePrecision.MONTH && !value.endsWith('-01')) {
    throw badInputError(
      field,
      `精确到月的日期须为当月 1 日：${value}`,
      `A date precise to the month must be its 1st: ${value}`,
    );
  }
  if (precision === DatePrecision.YEAR && !value.endsWith('-01-01')) {
    throw badInputError(
      field,
      `精确到年的日期须为 1 月 1 日：${value}`,
      `A date precise to the year must be January 1st: ${value}`,
    );
  }
}
