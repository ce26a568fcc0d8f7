import { Migration } from '@mikro-orm/migrations';

/**
 * The login directory (issue #20): login → county and user, unique across the platform
 * (modules/auth/login-directory.ts). On a Citus cluster `app_user` is distributed by county and cannot
 * keep `app_user_login_unique` (distributing drops it, shard-plan.ts); this table stays local to the
 * coordinator and keeps the guarantee, and sign-in reads it to find the county before reading `app_user`.
 * On one server both hold, and the directory is filled the same way.
 *
 * - Written in the transaction that creates the user (a trigger cannot: on Citus it would run on a
 *   worker's shard, which may not write a coordinator table), through `renda_register_login(user,
 *   county)`, which copies the login from the user's row: a caller can only register the login a real user
 *   has. A login already registered raises unique_violation on `login_directory_pkey`, which the services
 *   answer as LOGIN_TAKEN, the same answer as before, whichever county holds it.
 * - Read at sign-in through `renda_login_county(login)`: one county or null, nothing else.
 * - Row-level security forced and no policy, no grant: only these security-definer functions (owned by
 *   the owner role) and the owner see it. The analyst role cannot call them.
 * - Existing users are copied in.
 */
export class Migration20261207075508_login_directory extends Migration {
  override name = 'Migration20261207075508_login_directory';

  override up(): void | Promise<void> {
    this.addSql(`create table "login_directory" ("login" varchar(80) not null, "county_id" uuid not null, "user_id" uuid not null, constraint "login_directory_pkey" primary key ("login"));`);
    this.addSql(`alter table "login_directory" enable row level security;`);
    this.addSql(`alter table "login_directory" force row level security;`);
    this.addSql(`revoke all on "login_directory" from public;`);
    this.addSql(`insert into "login_directory" ("login", "county_id", "user_id") select "login", "county_id", "id" from "app_user";`);

    this.addSql(`create function renda_login_county(p_login text) returns uuid
      language plpgsql stable security definer set search_path = pg_catalog, public as $fn$
    begin
      return (select d.county_id from public.login_directory d where d.login = p_login);
    end $fn$;`);
    this.addSql(`revoke all on function renda_login_county(text) from public;`);
    this.addSql(`grant execute on function renda_login_county(text) to renda_app;`);

    this.addSql(`create function renda_register_login(p_user uuid, p_county uuid) returns void
      language plpgsql volatile security definer set search_path = pg_catalog, public as $fn$
    begin
      insert into public.login_directory (login, county_id, user_id)
      select u.login, u.county_id, u.id from public.app_user u where u.county_id = p_county and u.id = p_user;
      if not found then
        raise exception 'renda_register_login: no user % in county %', p_user, p_county using errcode = 'no_data_found';
      end if;
    end $fn$;`);
    this.addSql(`revoke all on function renda_register_login(uuid, uuid) from public;`);
    this.addSql(`grant execute on function renda_register_login(uuid, uuid) to renda_app;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function renda_register_login(uuid, uuid);`);
    this.addSql(`drop function renda_login_county(text);`);
    this.addSql(`drop table "login_directory";`);
  }
}
