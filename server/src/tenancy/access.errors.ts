import type { FieldPath } from '../common/errors/app-error.js';
import { badInput, defineError } from '../common/errors/define-error.js';
import type { Label } from '../common/errors/common.errors.js';

/**
 * Refusals about who calls (no identity, the wrong role, another township's rows), not about signing in:
 * every domain may raise them without importing auth.
 */
export const accessErrors = {
  notSignedIn: defineError('NOT_SIGNED_IN', () => ({
    code: 'UNAUTHENTICATED',
    messageZh: '请先登录',
    messageEn: 'Sign in first',
  })),
  malformedAuthorization: defineError('MALFORMED_AUTHORIZATION', () => ({
    code: 'UNAUTHENTICATED',
    messageZh: '认证头格式错误',
    messageEn: 'Malformed Authorization header',
  })),
  roleForbidden: defineError('ROLE_FORBIDDEN', () => ({
    code: 'FORBIDDEN',
    messageZh: '当前角色无权执行此操作',
    messageEn: 'Your role may not do this',
  })),
  townshipClerkOnly: defineError('TOWNSHIP_CLERK_ONLY', () => ({
    code: 'FORBIDDEN',
    messageZh: '只有乡镇文书可以录入本乡镇数据',
    messageEn: 'Only a township clerk records township data',
  })),
  /** Row-level security hides other townships' rows, so "not found" and "foreign" look alike. */
  notInTownship: defineError('NOT_IN_TOWNSHIP', (field: FieldPath, label: Label, id: string) =>
    badInput(field, `本乡镇没有该${label.zh}：${id}`, `No such ${label.en} in your township: ${id}`),
  ),
};
