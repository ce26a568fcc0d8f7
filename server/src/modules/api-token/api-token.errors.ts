import { notFoundContent } from '../../common/errors/common.errors.js';
import { badInput, defineError } from '../../common/errors/define-error.js';

export const apiTokenErrors = {
  townshipRequired: defineError('API_TOKEN_TOWNSHIP_REQUIRED', () =>
    badInput(['input', 'townshipId'], '县级管理员须指定乡镇', 'A county admin names the township'),
  ),
  otherTownship: defineError('API_TOKEN_OTHER_TOWNSHIP', () =>
    badInput(['input', 'townshipId'], '乡镇文书只能为本乡镇创建令牌', 'A clerk creates tokens for its own township'),
  ),
  duplicateOperation: defineError('API_TOKEN_DUPLICATE_OPERATION', () =>
    badInput(['input', 'operations'], '操作不能重复', 'Each operation once'),
  ),
  notFound: defineError('API_TOKEN_NOT_FOUND', (id: string) =>
    notFoundContent({ zh: 'API 令牌', en: 'API token' }, id),
  ),
  alreadyRevoked: defineError('API_TOKEN_ALREADY_REVOKED', () => ({
    code: 'CONFLICT',
    messageZh: '令牌已撤销',
    messageEn: 'Token already revoked',
    field: ['id'],
  })),
  invalid: defineError('API_TOKEN_INVALID', () => ({
    code: 'UNAUTHENTICATED',
    messageZh: 'API 令牌无效、已过期或已撤销',
    messageEn: 'API token unknown, expired or revoked',
  })),
  typeOutOfScope: defineError('API_TOKEN_TYPE_OUT_OF_SCOPE', (field: string, type: string) => ({
    code: 'FORBIDDEN',
    messageZh: `此 API 令牌无权读取 ${field}（${type}）`,
    messageEn: `This API token may not read ${field} (${type})`,
    details: { field, type },
  })),
};
