import { badInput, defineError } from '../../common/errors/define-error.js';

export const calendarErrors = {
  workingDaysRange: defineError('CALENDAR_WORKING_DAYS_RANGE', () =>
    badInput(['days'], '工作日数须在 0 至 366 之间', 'days must be between 0 and 366'),
  ),
  rangeReversed: defineError('CALENDAR_RANGE_REVERSED', () =>
    badInput(['to'], '结束日期早于开始日期', 'The end date precedes the start'),
  ),
};
