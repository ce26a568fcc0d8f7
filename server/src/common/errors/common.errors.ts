import type { FieldPath } from './app-error.js';
import { badInput, defineError, type ErrorContent } from './define-error.js';

/** A pair of words naming a kind of record in both languages ('代表联络站' / 'station'). */
export interface Label {
  zh: string;
  en: string;
}

/** The wording of a NOT_FOUND refusal, for a domain's own `notFound` entry. */
export function notFoundContent(label: Label, id: string, field: FieldPath = ['id']): ErrorContent {
  return { code: 'NOT_FOUND', messageZh: `未找到${label.zh}：${id}`, messageEn: `${label.en} not found: ${id}`, field };
}

/**
 * Refusals of the generic helpers in common/ (ids, cursors, dates, periods, look-ups by id): they know no
 * domain, so their reasons are generic; a domain's own refusals live in its `<domain>.errors.ts`.
 */
export const commonErrors = {
  notFound: defineError('RECORD_NOT_FOUND', notFoundContent),
  invalidUuid: defineError('INVALID_UUID', (field: FieldPath, value: string) =>
    badInput(field, `ID 格式无效：${value}`, `Malformed ID: ${value}`),
  ),
  invalidCursor: defineError('INVALID_CURSOR', (field: FieldPath) =>
    badInput(field, '分页游标无效', 'Invalid pagination cursor'),
  ),
  recordDateOutOfRange: defineError('RECORD_DATE_OUT_OF_RANGE', (field: FieldPath, earliest: string, value: string) =>
    badInput(
      field,
      `日期须在 ${earliest} 至今天之间：${value}`,
      `Date must lie between ${earliest} and today: ${value}`,
    ),
  ),
  dateBeforeEarlier: defineError('DATE_BEFORE_EARLIER', (field: FieldPath, what: Label, earlier: string) =>
    badInput(field, `${what.zh}不能早于 ${earlier}`, `${what.en} cannot be before ${earlier}`),
  ),
  dateNotMonthStart: defineError('DATE_NOT_MONTH_START', (field: FieldPath, value: string) =>
    badInput(field, `精确到月的日期须为当月 1 日：${value}`, `A date precise to the month must be its 1st: ${value}`),
  ),
  dateNotYearStart: defineError('DATE_NOT_YEAR_START', (field: FieldPath, value: string) =>
    badInput(
      field,
      `精确到年的日期须为 1 月 1 日：${value}`,
      `A date precise to the year must be January 1st: ${value}`,
    ),
  ),
  invalidYear: defineError('INVALID_YEAR', (field: FieldPath, year: number) =>
    badInput(field, `年份无效：${year}`, `Invalid year: ${year}`),
  ),
  invalidQuarter: defineError('INVALID_QUARTER', (field: FieldPath) =>
    badInput(field, '季度须为 1 至 4', 'quarter must be 1-4'),
  ),
  quarterNotStarted: defineError('QUARTER_NOT_STARTED', (field: FieldPath, year: number, quarter: number) =>
    badInput(field, `${year} 年第 ${quarter} 季度尚未开始`, `Quarter ${quarter} of ${year} has not started`),
  ),
};
