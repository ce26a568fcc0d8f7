import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The login directory (`login_directory`, Migration20261207075508_login_directory): login → county and
 * user, unique across the platform. Every path that creates a user registers its login here in the same
 * transaction, right after the user's row is flushed; sign-in reads it to learn the county first.
 */

interface NewUser {
  id: string;
  login: string;
  county: { id: string };
}

/**
 * Registers the logins of users just flushed in this transaction, in one statement. A login already in
 * the directory (another user's, in any county) fails with unique_violation on `login_directory_pkey`,
 * which MikroORM raises as `UniqueConstraintViolationException`: callers answer it as LOGIN_TAKEN.
 * The function does not read `app_user` (on Citus the owner may not read a shard this transaction wrote
 * as the app role); a deferred trigger checks at commit, as the caller, that each user really has that
 * login in that county (Migration20261207092627_login_directory_invoker_check).
 */
export async function registerLogins(em: EntityManager, users: readonly NewUser[]): Promise<void> {
  if (users.length === 0) return;
  const rows = JSON.stringify(users.map((user) => ({ user: user.id, county: user.county.id, login: user.login })));
  await em.execute(
    `select renda_register_login((r->>'user')::uuid, (r->>'county')::uuid, r->>'login') from jsonb_array_elements(?::jsonb) r`,
    [rows],
  );
}

/**
 * The statement that opens a sign-in's lookup: names the login for `app_user`'s row-level policy (the
 * row whose login it is, nothing else) and answers the login's county from the directory (null when
 * unknown), so the user's row is then read in that county alone.
 */
export async function beginLoginLookup(em: EntityManager, login: string): Promise<string | null> {
  const [row] = await em.execute<{ county: string | null }[]>(
    `select set_config('renda.auth_login', ?, true), renda_share_settings(), renda_login_county(?) as county`,
    [login, login],
  );
  return row?.county ?? null;
}
