import type { FieldPath } from '../../common/errors/app-error.js';
import { notFoundContent } from '../../common/errors/common.errors.js';
import { badInput, defineError } from '../../common/errors/define-error.js';

export const metricErrors = {
  notFound: defineError('METRIC_NOT_FOUND', (key: string) =>
    notFoundContent({ zh: '统计指标', en: 'Metric' }, key, ['key']),
  ),
  /** A metric key given in an input (a report's values, an analytics query) that the catalog lacks. */
  unknownMetric: defineError('UNKNOWN_METRIC', (field: FieldPath, key: string) =>
    badInput(field, `未知指标：${key}`, `Unknown metric: ${key}`),
  ),
  keyTaken: defineError('METRIC_KEY_TAKEN', (key: string) => ({
    code: 'CONFLICT',
    messageZh: `本县指标目录中已有该指标键：${key}`,
    messageEn: `The county's catalog already has the metric key ${key}`,
    field: ['input', 'key'],
  })),
  rateNeedsParts: defineError('METRIC_RATE_NEEDS_PARTS', (field: FieldPath) =>
    badInput(field, '比率须指定分子和分母指标', 'A rate needs a numerator and a denominator metric'),
  ),
  ratePartNotCount: defineError('METRIC_RATE_PART_NOT_COUNT', (field: FieldPath, key: string) =>
    badInput(field, `分子分母须为已有的计数指标：${key}`, `Not a count metric of the catalog: ${key}`),
  ),
  countWithParts: defineError('METRIC_COUNT_WITH_PARTS', () =>
    badInput(['input', 'numeratorKey'], '计数指标没有分子分母', 'A count has no numerator or denominator'),
  ),
};
