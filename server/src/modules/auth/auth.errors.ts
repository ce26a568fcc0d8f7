import { AppError } from '../../common/errors/app-error.js';

export const authErrors = {
  invalidCredentials: () =>
    new AppError({
      code: 'UNAUTHENTICATED',
      messageZh: '用户名或密码错误',
      messageEn: 'Wrong login or password',
      field: ['input', 'password'],
    }),
  tooManyAttempts: (retryAfterSeconds: number, retryAt: Date) =>
    new AppError({
      code: 'RATE_LIMITED',
      messageZh: `登录尝试过于频繁，请在 ${retryAfterSeconds} 秒后重试`,
      messageEn: `Too many login attempts; try again in ${retryAfterSeconds} seconds`,
      field: ['input', 'login'],
      details: { retryAfterSeconds, retryAt: retryAt.toISOString() },
    }),
  notSignedIn: () => new AppError({ code: 'UNAUTHENTICATED', messageZh: '请先登录', messageEn: 'Sign in first' }),
  sessionExpired: () =>
    new AppError({
      code: 'UNAUTHENTICATED',
      messageZh: '登录已过期，请重新登录',
      messageEn: 'Session expired; sign in again',
    }),
  sessionRevoked: () =>
    new AppError({
      code: 'UNAUTHENTICATED',
      messageZh: '登录已失效（已退出、密码或角色已变更、账号已停用或令牌已撤销），请重新登录',
      messageEn: 'Session ended (signed out, password or role changed, account deactivated or token revoked)',
    }),
  apiTokenOutOfScope: (operation: string) =>
    new AppError({
      code: 'FORBIDDEN',
      messageZh: `此 API 令牌无权调用 ${operation}`,
      messageEn: `This API token may not call ${operation}`,
      details: { operation },
    }),
  loginNotAlone: () =>
    new AppError({
      code: 'BAD_USER_INPUT',
      messageZh: '登录请求须单独发送，不能与其他操作合并',
      messageEn: 'Send login as an operation of its own',
    }),
  forbidden: () =>
    new AppError({ code: 'FORBIDDEN', messageZh: '当前角色无权执行此操作', messageEn: 'Your role may not do this' }),
};
