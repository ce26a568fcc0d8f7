import { Migration } from '@mikro-orm/migrations';

export class Migration20261206191956_account_invitations extends Migration {

  override name = 'Migration20261206191956_account_invitations';

  override up(): void | Promise<void> {
    this.addSql(`create table "account_invitation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "county_id" uuid not null, "township_id" uuid null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, "created_by" uuid null, primary key ("id"));`);
    this.addSql(`create index "account_invitation_updated_at_index" on "account_invitation" ("updated_at");`);
    this.addSql(`create index "account_invitation_user_id_index" on "account_invitation" ("user_id");`);
    this.addSql(`alter table "account_invitation" add constraint "account_invitation_token_hash_unique" unique ("token_hash");`);
    this.addSql(`alter table "account_invitation" add constraint "account_invitation_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "account_invitation" add constraint "account_invitation_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "account_invitation" add constraint "account_invitation_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);

    // Whoever may see a user other than themselves (row-level security on app_user: a county admin,
    // its county's users) may invite them and sees their invitations. Nobody invites themselves.
    // Not audited: the row holds nothing but a token hash and times, and activation is audited on app_user.
    const visibleUser = `county_id = (select renda_county()) and user_id is distinct from (select renda_user()) and exists (select 1 from app_user u where u.id = user_id)`;
    this.addSql(`alter table "account_invitation" enable row level security;`);
    this.addSql(`alter table "account_invitation" force row level security;`);
    this.addSql(`create policy "account_invitation_read" on "account_invitation" for select using (${visibleUser});`);
    this.addSql(`create policy "account_invitation_insert" on "account_invitation" for insert with check (${visibleUser});`);
    this.addSql(`create policy "account_invitation_update" on "account_invitation" for update using (${visibleUser}) with check (${visibleUser});`);
    this.addSql(`grant select, insert, update on "account_invitation" to renda_app;`);

    this.addSql(`-- Before any identity exists: redeems an invitation by the hash of its token. The row lock makes
    -- two concurrent redemptions of one token queue: the second sees used_at set and gets USED.
    create function renda_activate_account(p_token_hash text, p_password_hash text)
      returns table (outcome text, login text, expires_at timestamptz)
      language plpgsql volatile security definer set search_path = public as $$
    declare
      inv account_invitation%rowtype;
      v_login text;
    begin
      select * into inv from account_invitation i where i.token_hash = p_token_hash for update;
      if not found then return query select 'UNKNOWN', null::text, null::timestamptz; return; end if;
      if inv.used_at is not null then return query select 'USED', null::text, inv.expires_at; return; end if;
      if inv.revoked_at is not null then return query select 'REVOKED', null::text, inv.expires_at; return; end if;
      if inv.expires_at <= now() then return query select 'EXPIRED', null::text, inv.expires_at; return; end if;
      select u.login into v_login from app_user u where u.id = inv.user_id and u.active;
      if v_login is null then return query select 'INACTIVE', null::text, inv.expires_at; return; end if;
      update account_invitation set used_at = now(), updated_at = now() where id = inv.id;
      update app_user set password_hash = p_password_hash, updated_at = now() where id = inv.user_id;
      return query select 'ACTIVATED', v_login, inv.expires_at;
    end $$;`);
    this.addSql(`revoke all on function renda_activate_account(text, text) from public;`);
    this.addSql(`grant execute on function renda_activate_account(text, text) to renda_app;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists renda_activate_account(text, text);`);
    this.addSql(`drop table if exists "account_invitation" cascade;`);
  }

}
