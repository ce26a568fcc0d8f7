import { badInput, defineError } from '../../common/errors/define-error.js';

export const recordCoverageErrors = {
  townshipRequired: defineError('RECORD_COVERAGE_TOWNSHIP_REQUIRED', () =>
    badInput(['input', 'townshipId'], '请指定乡镇', 'Name the township'),
  ),
  dateRequired: defineError('RECORD_COVERAGE_DATE_REQUIRED', () =>
    badInput(
      ['input', 'recordedSince'],
      '请填写起始日期（取消覆盖请填 null）',
      'Give the date (null removes the coverage)',
    ),
  ),
};
