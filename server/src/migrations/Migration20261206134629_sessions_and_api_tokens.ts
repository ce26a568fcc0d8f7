import { Migration } from '@mikro-orm/migrations';

export class Migration20261206134629_sessions_and_api_tokens extends Migration {

  override name = 'Migration20261206134629_sessions_and_api_tokens';

  override up(): void | Promise<void> {
    this.addSql(`create table "api_token" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "name" varchar(100) not null, "token_hash" varchar(64) not null, "operations" text[] not null, "created_by" uuid not null, "expires_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "api_token_updated_at_index" on "api_token" ("updated_at");`);
    this.addSql(`create index "api_token_county_id_township_id_index" on "api_token" ("county_id", "township_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "app_user" add "token_version" int not null default 0;`);

    this.addSql(`alter table "api_token" add constraint "api_token_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "api_token" add constraint "api_token_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);

    // Sessions that end: every login token carries the user's token_version; changing the password,
    // role, township or active flag bumps it (whoever changes the row), and so does signing out.
    this.addSql(`grant select ("token_version") on "app_user" to renda_analyst;`);
    this.addSql(`create function renda_bump_token_version() returns trigger language plpgsql as $$
    begin
      if new.password_hash is distinct from old.password_hash or new.role is distinct from old.role
         or new.township_id is distinct from old.township_id or new.county_id is distinct from old.county_id
         or new.active is distinct from old.active then
        new.token_version := old.token_version + 1;
      end if;
      return new;
    end $$;`);
    this.addSql(`create trigger "app_user_token_version" before update on "app_user" for each row execute function renda_bump_token_version();`);
    this.addSql(`-- Users may not update their own row (only county admins may): signing out goes through this.
    create function renda_sign_out() returns void language sql security definer set search_path = public as $$
      update app_user set token_version = token_version + 1 where id = renda_user() $$;`);
    this.addSql(`revoke all on function renda_sign_out() from public;`);
    this.addSql(`grant execute on function renda_sign_out() to renda_app, renda_analyst;`);
    this.addSql(`-- Called in the statement that applies a request's identity (apply-identity.ts): a person's token
    -- version must still match an active user; an API token must be neither revoked nor expired.
    create function renda_identity_valid(p_user uuid, p_token_version integer, p_api_token uuid) returns boolean
      language sql stable security definer set search_path = public as $$
      select case
        when p_api_token is not null then exists (
          select 1 from api_token where id = p_api_token and revoked_at is null and expires_at > now())
        else exists (
          select 1 from app_user where id = p_user and active and token_version = p_token_version)
      end $$;`);
    this.addSql(`revoke all on function renda_identity_valid(uuid, integer, uuid) from public;`);
    this.addSql(`grant execute on function renda_identity_valid(uuid, integer, uuid) to renda_app, renda_analyst;`);

    // Login throttling marks a reserved attempt as succeeded once the password checked out.
    this.addSql(`grant update ("succeeded") on "login_attempt" to renda_app;`);

    // API tokens: a county admin sees and manages its county's, a clerk its own township's.
    this.addSql(`alter table "api_token" enable row level security;`);
    this.addSql(`alter table "api_token" force row level security;`);
    this.addSql(`create policy "api_token_read" on "api_token" for select using (county_id = (select renda_county()) and ((select renda_role()) = 'COUNTY_ADMIN' or ((select renda_role()) = 'TOWNSHIP_CLERK' and township_id = (select renda_township()))));`);
    this.addSql(`create policy "api_token_insert" on "api_token" for insert with check (county_id = (select renda_county()) and ((select renda_role()) = 'COUNTY_ADMIN' or ((select renda_role()) = 'TOWNSHIP_CLERK' and township_id = (select renda_township()))));`);
    this.addSql(`create policy "api_token_update" on "api_token" for update using (county_id = (select renda_county()) and ((select renda_role()) = 'COUNTY_ADMIN' or ((select renda_role()) = 'TOWNSHIP_CLERK' and township_id = (select renda_township())))) with check (county_id = (select renda_county()) and ((select renda_role()) = 'COUNTY_ADMIN' or ((select renda_role()) = 'TOWNSHIP_CLERK' and township_id = (select renda_township()))));`);
    this.addSql(`-- Audited like every tenant table, except the last-use stamp (one row per script call would drown the log).
    create trigger "api_token_audit" after insert or delete or update of "name", "operations", "expires_at", "revoked_at", "township_id", "county_id" on "api_token" for each row execute function renda_audit();`);
    this.addSql(`grant select, insert, update on "api_token" to renda_app;`);
    this.addSql(`-- Before any identity exists: finds an unrevoked, unexpired token by the hash of its secret and stamps its use.
    create function renda_use_api_token(p_hash text) returns table (id uuid, county_id uuid, township_id uuid, operations text[])
      language sql volatile security definer set search_path = public as $$
      update api_token t set last_used_at = now()
       where t.token_hash = p_hash and t.revoked_at is null and t.expires_at > now()
      returning t.id, t.county_id, t.township_id, t.operations $$;`);
    this.addSql(`revoke all on function renda_use_api_token(text) from public;`);
    this.addSql(`grant execute on function renda_use_api_token(text) to renda_app;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists renda_use_api_token(text);`);
    this.addSql(`drop function if exists renda_identity_valid(uuid, integer, uuid);`);
    this.addSql(`drop function if exists renda_sign_out();`);
    this.addSql(`drop trigger if exists "app_user_token_version" on "app_user";`);
    this.addSql(`drop function if exists renda_bump_token_version();`);
    this.addSql(`revoke update ("succeeded") on "login_attempt" from renda_app;`);
    this.addSql(`drop table if exists "api_token" cascade;`);
    this.addSql(`alter table "app_user" drop column "token_version";`);
  }

}
