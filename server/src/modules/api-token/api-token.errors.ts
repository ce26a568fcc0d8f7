import { AppError } from '../../common/errors/app-error.js';
import { badInputError } from '../../common/errors/bad-input-error.js';

export const apiTokenErrors = {
  townshipRequired: () =>
    badInputError(['input', 'townshipId'], '县级管理员须指定乡镇', 'A county admin names the township'),
  otherTownship: () =>
    badInputError(
      ['input', 'townshipId'],
      '乡镇文书只能为本乡镇创建令牌',
      'A clerk creates tokens for its own township',
    ),
  duplicateOperation: () => badInputError(['input', 'operations'], '操作不能重复', 'Each operation once'),
  alreadyRevoked: () =>
    new AppError({
      code: 'CONFLICT',
      messageZh: '令牌已撤销',
      messageEn: 'Token already revoked',
      field: ['id'],
    }),
  invalid: () =>
    new AppError({
      code: 'UNAUTHENTICATED',
      messageZh: 'API 令牌无效、已过期或已撤销',
      messageEn: 'API token unknown, expired or revoked',
    }),
};
