import { commonErrors } from '../errors/common.errors.js';
import { chinaToday } from './china-today.js';

/** The People's Republic's congress system starts in 1949; nothing recorded here predates it. */
export const EARLIEST_RECORD_DATE = '1949-10-01';

/** A date a record says something happened on: not before 1949-10-01 and not in the future. */
export function assertRecordDate(value: string, field: readonly (string | number)[]): void {
  if (value < EARLIEST_RECORD_DATE || value > chinaToday()) {
    throw commonErrors.recordDateOutOfRange(field, EARLIEST_RECORD_DATE, value);
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
    throw commonErrors.dateBeforeEarlier(field, what, earlier);
  }
}
