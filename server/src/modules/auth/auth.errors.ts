import { badInput, defineError } from '../../common/errors/define-error.js';
import { notFoundContent } from '../../common/errors/common.errors.js';

/** Signing in, sessions and users. Refusals about who calls (role, township) are in tenancy/access.errors.ts. */
export const authErrors = {
  deputyOnlyByInvitation: defineError('DEPUTY_USER_BY_INVITATION_ONLY', () =>
    badInput(
      ['input', 'role'],
      '代表账号须由乡镇工作人员从代表名单邀请开通',
      "A deputy's account is opened by the township clerk's invitation from the deputy list",
    ),
  ),
  invalidCredentials: defineError('INVALID_CREDENTIALS', () => ({
    code: 'UNAUTHENTICATED',
    messageZh: '用户名或密码错误',
    messageEn: 'Wrong login or password',
    field: ['input', 'password'],
  })),
  tooManyAttempts: defineError('LOGIN_RATE_LIMITED', (retryAfterSeconds: number, retryAt: Date) => ({
    code: 'RATE_LIMITED',
    messageZh: `登录尝试过于频繁，请在 ${retryAfterSeconds} 秒后重试`,
    messageEn: `Too many login attempts; try again in ${retryAfterSeconds} seconds`,
    field: ['input', 'login'],
    details: { retryAfterSeconds, retryAt: retryAt.toISOString() },
  })),
  invalidSessionToken: defineError('INVALID_SESSION_TOKEN', () => ({
    code: 'UNAUTHENTICATED',
    messageZh: '请先登录',
    messageEn: 'Sign in first',
  })),
  sessionExpired: defineError('SESSION_EXPIRED', () => ({
    code: 'UNAUTHENTICATED',
    messageZh: '登录已过期，请重新登录',
    messageEn: 'Session expired; sign in again',
  })),
  sessionRevoked: defineError('SESSION_REVOKED', () => ({
    code: 'UNAUTHENTICATED',
    messageZh: '登录已失效（已退出、密码或角色已变更、账号已停用或令牌已撤销），请重新登录',
    messageEn: 'Session ended (signed out, password or role changed, account deactivated or token revoked)',
  })),
  apiTokenOutOfScope: defineError('API_TOKEN_OPERATION_OUT_OF_SCOPE', (operation: string) => ({
    code: 'FORBIDDEN',
    messageZh: `此 API 令牌无权调用 ${operation}`,
    messageEn: `This API token may not call ${operation}`,
    details: { operation },
  })),
  loginNotAlone: defineError('LOGIN_NOT_ALONE', () => ({
    code: 'BAD_USER_INPUT',
    messageZh: '登录请求须单独发送，不能与其他操作合并',
    messageEn: 'Send login as an operation of its own',
  })),
  signOutByApiToken: defineError('API_TOKEN_CANNOT_SIGN_OUT', () => ({
    code: 'FORBIDDEN',
    messageZh: '当前角色无权执行此操作',
    messageEn: 'Your role may not do this',
  })),
  userNotFound: defineError('USER_NOT_FOUND', (id: string) => notFoundContent({ zh: '用户', en: 'User' }, id)),
  loginTaken: defineError('LOGIN_TAKEN', (login: string) => ({
    code: 'CONFLICT',
    messageZh: `登录名已被使用：${login}`,
    messageEn: `Login already taken: ${login}`,
    field: ['input', 'login'],
  })),
  countyRoleWithTownship: defineError('COUNTY_ROLE_WITH_TOWNSHIP', () =>
    badInput(['input', 'townshipId'], '县级角色不属于乡镇', 'County roles have no township'),
  ),
  townshipRoleWithoutTownship: defineError('TOWNSHIP_ROLE_WITHOUT_TOWNSHIP', () =>
    badInput(['input', 'townshipId'], '乡镇角色必须指定乡镇', 'Township roles need a township'),
  ),
  invitationUnknown: defineError('INVITATION_UNKNOWN', () =>
    badInput(
      ['input', 'token'],
      '激活链接无效，请向管理员索取新的链接',
      'Unknown activation link; ask your administrator for a new one',
    ),
  ),
  invitationExpired: defineError('INVITATION_EXPIRED', (expiredAt: Date) => ({
    ...badInput(
      ['input', 'token'],
      '激活链接已过期，请向管理员索取新的链接',
      'The activation link has expired; ask your administrator for a new one',
    ),
    details: { expiredAt: expiredAt.toISOString() },
  })),
  invitationUsed: defineError('INVITATION_USED', () => ({
    code: 'CONFLICT',
    messageZh: '激活链接已使用过，请直接登录',
    messageEn: 'The activation link has already been used; sign in instead',
    field: ['input', 'token'],
  })),
  invitationRevoked: defineError('INVITATION_REVOKED', () =>
    badInput(
      ['input', 'token'],
      '激活链接已被新的链接取代，请使用最新的链接',
      'A newer activation link replaced this one; use the latest',
    ),
  ),
  invitationAccountInactive: defineError('INVITATION_ACCOUNT_INACTIVE', () => ({
    code: 'FORBIDDEN',
    messageZh: '该账号已停用，无法激活',
    messageEn: 'This account is deactivated and cannot be activated',
    field: ['input', 'token'],
  })),
  passwordTooShort: defineError('PASSWORD_TOO_SHORT', (min: number, max: number) => ({
    ...badInput(
      ['input', 'password'],
      `密码须为 ${min}–${max} 个字符`,
      `The password must have ${min}–${max} characters`,
    ),
    details: { min, max },
  })),
  passwordTooWeak: defineError('PASSWORD_TOO_WEAK', () =>
    badInput(
      ['input', 'password'],
      '密码过于简单：须至少含 5 个不同字符，且不能全是数字',
      'The password is too simple: use at least 5 different characters, not only digits',
    ),
  ),
};
