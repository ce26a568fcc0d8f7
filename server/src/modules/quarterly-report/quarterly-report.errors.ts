import type { FieldPath } from '../../common/errors/app-error.js';
import { notFoundContent } from '../../common/errors/common.errors.js';
import { badInput, defineError, type ErrorContent } from '../../common/errors/define-error.js';

interface ReportVersion {
  version: number;
  state: string;
}

function notAwaitingReview(state: string): ErrorContent {
  return {
    code: 'CONFLICT',
    messageZh: '只能审核已报送、待审核的报表',
    messageEn: 'Only a submitted report awaiting review can be accepted or returned',
    field: ['id'],
    details: { state },
  };
}

export const quarterlyReportErrors = {
  notFound: defineError('REPORT_NOT_FOUND', (id: string) =>
    notFoundContent({ zh: '季度报表', en: 'Quarterly report' }, id),
  ),
  /** The version the clerk saw is no longer the report's. */
  submitVersionStale: defineError('REPORT_VERSION_STALE', (report: ReportVersion) => ({
    code: 'CONFLICT',
    messageZh: `报表已被更新为第 ${report.version} 版，请刷新后重新报送`,
    messageEn: `The report is now at version ${report.version}; reload and submit again`,
    field: ['input', 'expectedVersion'],
    details: { currentVersion: report.version, state: report.state },
  })),
  /** The version the reviewer saw is no longer the report's. */
  reviewVersionStale: defineError('REPORT_REVIEW_VERSION_STALE', (report: ReportVersion) => ({
    code: 'CONFLICT',
    messageZh: `报表已更新为第 ${report.version} 版，请刷新后再审核`,
    messageEn: `The report is now at version ${report.version}; reload before reviewing`,
    field: ['expectedVersion'],
    details: { currentVersion: report.version, state: report.state },
  })),
  alreadyAccepted: defineError('REPORT_ALREADY_ACCEPTED', () => notAwaitingReview('ACCEPTED')),
  /** A draft, or a report returned to its township: nothing to review. */
  notAwaitingReview: defineError('REPORT_NOT_AWAITING_REVIEW', notAwaitingReview),
  correctionNeedsReason: defineError('REPORT_CORRECTION_NEEDS_REASON', () =>
    badInput(
      ['input', 'correctionReason'],
      '更正已接收的报表须说明理由',
      'Correcting an accepted report needs a reason',
    ),
  ),
  idempotencyKeyReused: defineError('IDEMPOTENCY_KEY_REUSED', () => ({
    code: 'CONFLICT',
    messageZh: '该幂等键已用于另一季度的报送',
    messageEn: 'This idempotency key was used for another quarter',
    field: ['input', 'idempotencyKey'],
  })),
  metricTwice: defineError('REPORT_METRIC_TWICE', (field: FieldPath, key: string) =>
    badInput(field, `指标重复：${key}`, `Metric listed twice: ${key}`),
  ),
  valueOutOfRange: defineError('REPORT_VALUE_OUT_OF_RANGE', (field: FieldPath) =>
    badInput(field, '数值须为非负数，比率不超过 100', 'Values are non-negative; rates at most 100'),
  ),
  countNotInteger: defineError('REPORT_COUNT_NOT_INTEGER', (field: FieldPath) =>
    badInput(field, '计数须为整数', 'Counts are whole numbers'),
  ),
  overrideNeedsReason: defineError(
    'REPORT_OVERRIDE_NEEDS_REASON',
    (field: FieldPath, metric: { nameZh: string; nameEn: string }, recorded: number | null) =>
      badInput(
        field,
        `“${metric.nameZh}”与记录数 ${recorded} 不同，须说明理由`,
        `"${metric.nameEn}" differs from the recorded ${recorded}: give a reason`,
      ),
  ),
  returnReasonLength: defineError('REPORT_RETURN_REASON_LENGTH', () =>
    badInput(['reason'], '退回须说明理由（1 至 1000 字）', 'Returning needs a reason (1-1000 characters)'),
  ),
};
