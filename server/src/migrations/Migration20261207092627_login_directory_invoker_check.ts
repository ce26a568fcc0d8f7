import { Migration } from '@mikro-orm/migrations';

/**
 * Registering a login no longer reads `app_user` as the owner (issue #20, creating users on a Citus
 * cluster). `renda_register_login(user, county)` copied the login from the user's row inside a
 * security-definer function; on a cluster that read runs over the owner's connection to the worker whose
 * shard the request (as the app role) has just written, and Citus refuses it ("cannot perform query on
 * placements that were modified in this transaction by a different user").
 *
 * Now the caller passes the login too, `renda_register_login(user, county, login)`, and the security-definer
 * function only writes the coordinator-local directory (a login already there still raises unique_violation
 * on `login_directory_pkey`: LOGIN_TAKEN). The guarantee that nobody can claim a login no real user of that
 * county has moves to a deferred constraint trigger on `login_directory`: at commit it checks, as the
 * invoker (the role that wrote the user's row, over that same connection), that a user with that id, county
 * and login exists, or fails the whole transaction with no_data_found. The invoker sees only real rows, so it
 * can vouch for nothing that does not exist; the county admin and a township clerk see the users they create.
 */
export class Migration20261207092627_login_directory_invoker_check extends Migration {
  override name = 'Migration20261207092627_login_directory_invoker_check';

  override up(): void | Promise<void> {
    this.addSql(`drop function renda_register_login(uuid, uuid);`);
    this.addSql(`create function renda_register_login(p_user uuid, p_county uuid, p_login text) returns void
      language plpgsql volatile security definer set search_path = pg_catalog, public as $fn$
    begin
      insert into public.login_directory (login, county_id, user_id) values (p_login, p_county, p_user);
    end $fn$;`);
    this.addSql(`revoke all on function renda_register_login(uuid, uuid, text) from public;`);
    this.addSql(`grant execute on function renda_register_login(uuid, uuid, text) to renda_app;`);

    // Security invoker on purpose: it must read app_user as the role whose transaction wrote the row.
    this.addSql(`create function renda_login_directory_check() returns trigger
      language plpgsql security invoker set search_path = pg_catalog, public as $fn$
    begin
      if not exists (select 1 from public.app_user u
                      where u.id = new.user_id and u.county_id = new.county_id and u.login = new.login) then
        raise exception 'renda_register_login: no user % with login % in county %', new.user_id, new.login, new.county_id
          using errcode = 'no_data_found';
      end if;
      return null;
    end $fn$;`);
    this.addSql(`revoke all on function renda_login_directory_check() from public;`);
    this.addSql(`create constraint trigger "login_directory_user_exists" after insert on "login_directory"
      deferrable initially deferred for each row execute function renda_login_directory_check();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger "login_directory_user_exists" on "login_directory";`);
    this.addSql(`drop function renda_login_directory_check();`);
    this.addSql(`drop function renda_register_login(uuid, uuid, text);`);
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
}
