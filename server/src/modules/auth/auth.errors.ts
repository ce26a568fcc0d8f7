import { AppError } from '../../common/errors/app-error.js';

export const authErrors = {
  invalidCredentials: () =>
    new AppError({
      code: 'UNAUTHENTICATED',
      messageZh: '用户名或密码错误',
      messageEn: 'Wrong login or password',
      field: ['input', 'password'],
    }),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new AppError({
      code: 'RATE_LIMITED',
      messageZh: `登录尝试过于频繁，请在 ${Math.ceil(retryAfterSeconds / 60)} 分钟后重试`,
      messageEn: `Too many login attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
      field: ['input', 'login'],
      details: { retryAfterSeconds },
    }),
  notSignedIn: () => new AppError({ code: 'UNAUTHENTICATED', messageZh: '请先登录', messageEn: 'Sign in first' }),
  sessionExpired: () =>
    new AppError({
      code: 'UNAUTHENTICATED',
      messageZh: '登录已过期，请重新登录',
      messageEn: 'Session expired; sign in again',
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
