import type { EntityManager } from '@mikro-orm/postgresql';
import { authErrors } from './auth.errors.js';

/** How one throttle grows: `free` failures pass, then each further attempt waits base·2ⁿ, at most `cap`. */
export interface BackOff {
  free: number;
  baseSeconds: number;
  capSeconds: number;
}

/**
 * The login throttle's policy (documented in server/README.md, "Login throttling"):
 * - per (account, address): 5 failures pass, then 30 s, 60 s, 120 s … up to 15 minutes between attempts;
 * - per account from any address: 10, then 30 s … up to 5 minutes;
 * - per address over all accounts (one NAT, one office): 100 in the last hour, then 30 s … up to 5 minutes.
 * An address that signed in to the account successfully within 30 days is exempt from the last two, so
 * an attacker elsewhere cannot lock the owner out of an account, nor a colleague behind the same NAT.
 * A success resets the account's and the pair's counts; failures older than a day no longer count.
 */
export const LOGIN_THROTTLE = {
  pair: { free: 5, baseSeconds: 30, capSeconds: 15 * 60 },
  account: { free: 10, baseSeconds: 30, capSeconds: 5 * 60 },
  address: { free: 100, baseSeconds: 30, capSeconds: 5 * 60 },
} as const satisfies Record<string, BackOff>;

/** Failed attempts one account may make from one address before delays start. */
export const MAX_FAILURES_PER_LOGIN = LOGIN_THROTTLE.pair.free;

/** Advisory lock classes: one key space for accounts, one for addresses. */
const LOCK_ACCOUNT = 7301;
const LOCK_ADDRESS = 7302;

/** Seconds until the next attempt may run, or 0 when it may run now. */
export function waitSeconds(policy: BackOff, failures: number, lastFailureAgeSeconds: number): number {
  if (failures < policy.free) return 0;
  const exponent = Math.min(failures - policy.free, 30);
  const age = Math.max(0, lastFailureAgeSeconds);
  const delay = Math.min(policy.baseSeconds * 2 ** exponent, policy.capSeconds);
  return Math.max(0, Math.ceil(delay - age));
}

interface ThrottleState {
  known: boolean;
  pair_n: number;
  pair_age: number | null;
  account_n: number;
  account_age: number | null;
  address_n: number;
  address_age: number | null;
}

/**
 * Counts failed logins in `login_attempt` (shared by all replicas). `reserve` is atomic: under
 * transaction-scoped advisory locks on the account and the address it reads the counts, refuses or
 * records the attempt as failed, and commits, all before the password is checked; `succeeded` then
 * marks the reserved row. Concurrent attempts therefore queue on the lock and each sees the ones
 * before it: 25 simultaneous wrong passwords get 5 password checks, not 25.
 */
export class LoginRateLimiter {
  constructor(private readonly em: EntityManager) {}

  /** Records an attempt (as failed until `succeeded`) and returns its id, or throws RATE_LIMITED. */
  async reserve(login: string, address: string): Promise<string> {
    return this.em.transactional(async (tx) => {
      // Account first, then address, in every transaction: no two can wait on each other in a cycle.
      await tx.execute(`select pg_advisory_xact_lock(?, hashtext(?)), pg_advisory_xact_lock(?, hashtext(?))`, [
        LOCK_ACCOUNT,
        login,
        LOCK_ADDRESS,
        address,
      ]);
      // Ages use clock_timestamp(), not now(): now() is when this transaction began, possibly before
      // an attempt that held the lock recorded its own failure, which would make that failure's age negative.
      const [state] = await tx.execute<ThrottleState[]>(
        `with mine as (
           select address, succeeded, attempted_at from login_attempt
            where login = ? and attempted_at > now() - interval '30 days'),
         since as (
           select greatest(now() - interval '1 day',
                    coalesce((select max(attempted_at) from mine where succeeded and address = ?), '-infinity')) as pair,
                  greatest(now() - interval '1 day',
                    coalesce((select max(attempted_at) from mine where succeeded), '-infinity')) as account),
         pair as (select count(*)::int as n, extract(epoch from clock_timestamp() - max(attempted_at))::float8 as age
                    from mine where not succeeded and address = ? and attempted_at > (select pair from since)),
         account as (select count(*)::int as n, extract(epoch from clock_timestamp() - max(attempted_at))::float8 as age
                       from mine where not succeeded and attempted_at > (select account from since)),
         by_address as (select count(*)::int as n, extract(epoch from clock_timestamp() - max(attempted_at))::float8 as age
                          from login_attempt where address = ? and not succeeded and attempted_at > now() - interval '1 hour')
         select exists (select 1 from mine where succeeded and address = ?) as known,
                pair.n as pair_n, pair.age as pair_age, account.n as account_n, account.age as account_age,
                by_address.n as address_n, by_address.age as address_age
           from pair, account, by_address`,
        [login, address, address, address, address],
      );
      const s = state!;
      const wait = Math.max(
        waitSeconds(LOGIN_THROTTLE.pair, s.pair_n, s.pair_age ?? 0),
        s.known ? 0 : waitSeconds(LOGIN_THROTTLE.account, s.account_n, s.account_age ?? 0),
        s.known ? 0 : waitSeconds(LOGIN_THROTTLE.address, s.address_n, s.address_age ?? 0),
      );
      if (wait > 0) throw authErrors.tooManyAttempts(wait, new Date(Date.now() + wait * 1000));
      const [row] = await tx.execute<{ id: string }[]>(
        `insert into login_attempt (login, address, succeeded, attempted_at) values (?, ?, false, clock_timestamp()) returning id`,
        [login, address],
      );
      // An account under attack keeps only a day of failures (successes prune the rest of the table).
      await tx.execute(
        `delete from login_attempt where login = ? and not succeeded and attempted_at < now() - interval '1 day'`,
        [login],
      );
      return String(row!.id);
    });
  }

  /** Marks a reserved attempt as a success and prunes rows that can no longer affect any count. */
  async succeeded(attemptId: string): Promise<void> {
    await this.em.execute(`update login_attempt set succeeded = true where id = ?`, [attemptId]);
    await this.em.execute(
      `delete from login_attempt
        where attempted_at < now() - interval '30 days' or (not succeeded and attempted_at < now() - interval '1 day')`,
    );
  }
}
