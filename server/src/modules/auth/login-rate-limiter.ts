import type { EntityManager } from '@mikro-orm/postgresql';
import { LoginAttempt } from './login-attempt.entity.js';
import { authErrors } from './auth.errors.js';

export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Failed attempts allowed per account, and per address, within the window. */
export const MAX_FAILURES_PER_LOGIN = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** Counts failed logins per account and per client address over a sliding window. */
export class LoginRateLimiter {
  constructor(private readonly em: EntityManager) {}

  async assertAllowed(login: string, address: string): Promise<void> {
    const rows = await this.em.execute<{ by_login: string; by_address: string }[]>(
      `select count(*) filter (where login = ?) as by_login, count(*) filter (where address = ?) as by_address
         from login_attempt where not succeeded and attempted_at > now() - make_interval(secs => ?)
         and (login = ? or address = ?)`,
      [login, address, LOGIN_WINDOW_SECONDS, login, address],
    );
    const { by_login, by_address } = rows[0] ?? { by_login: '0', by_address: '0' };
    if (Number(by_login) >= MAX_FAILURES_PER_LOGIN || Number(by_address) >= MAX_FAILURES_PER_ADDRESS) {
      throw authErrors.tooManyAttempts(LOGIN_WINDOW_SECONDS);
    }
  }

  async record(login: string, address: string, succeeded: boolean): Promise<void> {
    await this.em.insert(LoginAttempt, { login, address, succeeded, attemptedAt: new Date() });
    // Keep the table small: attempts older than a day can no longer affect any window.
    await this.em.execute(`delete from login_attempt where attempted_at < now() - interval '1 day'`);
  }
}
