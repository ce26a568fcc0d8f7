import { badInput, defineError } from '../../common/errors/define-error.js';

export const analyticsErrors = {
  dimensionTwice: defineError('ANALYTICS_DIMENSION_TWICE', () =>
    badInput(['input', 'groupBy'], '分组维度重复', 'A dimension is listed twice'),
  ),
  dimensionNotAllowed: defineError(
    'ANALYTICS_DIMENSION_NOT_ALLOWED',
    (index: number, subject: string, dimension: string) =>
      badInput(
        ['input', 'groupBy', index],
        `该对象不能按 ${dimension} 分组`,
        `${subject} cannot be grouped by ${dimension}`,
      ),
  ),
  subjectHasNoDate: defineError('ANALYTICS_SUBJECT_HAS_NO_DATE', (subject: string) =>
    badInput(['input', 'from'], '该对象没有日期', `${subject} has no date to filter on`),
  ),
  metricCount: defineError('ANALYTICS_METRIC_COUNT', (max: number) =>
    badInput(['metricKeys'], `指标数须为 1 至 ${max}`, `Ask for 1 to ${max} metrics`),
  ),
  periodCount: defineError('ANALYTICS_PERIOD_COUNT', (max: number) =>
    badInput(['periods'], `统计期数须为 1 至 ${max}`, `Ask for 1 to ${max} periods`),
  ),
  yearRange: defineError('ANALYTICS_YEAR_RANGE', () =>
    badInput(['toYear'], '年份范围须为 0 至 10 年', 'The year range must span 0 to 10 years'),
  ),
};
