import { badInputError } from '../errors/bad-input-error.js';
import { chinaToday } from './china-today.js';

/** The People's Republic's congress system starts in 1949; nothing recorded here predates it. */
export const EARLIEST_RECORD_DATE = '1949-10-01';

/** A date a record says something happened on: not before 1949-10-01 and not in the future. */
export function assertRecordDate(value: string, field: readonly (string | number)[]): void {
  if (value < EARLIEST_RECORD_DATE || value > chinaToday()) {
    throw badInputError(
      field,
      `日期须在 ${EARLIEST_RECORD_DATE} 至今天之间：${value}`,
      `Date must lie between ${EARLIEST_RECORD_DATE} and today: ${value}`,
    );
  }
}

/** `later` may not precede `earlier` (a reply after the letter, an end after a start). */
export function assertNotBefore(
  later: string,
  earlier: string,
  field: readonly (string | number)[],
  what: { zh: string; en: string },
): void {
  if (later < earlier) {
    throw badInputError(field, `${what.zh}不能早于 ${earlier}`, `${what.en} cannot be before ${earlier}`);
  }
}
