import { Migration } from '@mikro-orm/migrations';

/**
 * `renda_activate_account` locks the invitation within its county (issue #20). A link carries no county,
 * and on a Citus cluster `select … for update` by token hash alone reaches every shard, which Citus refuses
 * (0A000). The token's county is read first without a lock (the hash is unique), then the row is locked in
 * that county, one shard, and the user is read and written in that county too. On one server the outcome
 * is the same: two concurrent redemptions still queue on the row lock and the second sees USED.
 */
const activate = (countyFirst: boolean) => `create or replace function renda_activate_account(p_token_hash text, p_password_hash text)
      returns table (outcome text, login text, expires_at timestamptz)
      language plpgsql volatile security definer set search_path = public as $$
    declare
      inv account_invitation%rowtype;
      v_login text;
      v_county uuid;
    begin
      ${
        countyFirst
          ? `select i.county_id into v_county from account_invitation i where i.token_hash = p_token_hash;
      select * into inv from account_invitation i where i.county_id = v_county and i.token_hash = p_token_hash for update;`
          : `select * into inv from account_invitation i where i.token_hash = p_token_hash for update;`
      }
      if not found then return query select 'UNKNOWN', null::text, null::timestamptz; return; end if;
      if inv.used_at is not null then return query select 'USED', null::text, inv.expires_at; return; end if;
      if inv.revoked_at is not null then return query select 'REVOKED', null::text, inv.expires_at; return; end if;
      if inv.expires_at <= now() then return query select 'EXPIRED', null::text, inv.expires_at; return; end if;
      select u.login into v_login from app_user u where u.county_id = inv.county_id and u.id = inv.user_id and u.active;
      if v_login is null then return query select 'INACTIVE', null::text, inv.expires_at; return; end if;
      update account_invitation set used_at = now(), updated_at = now() where county_id = inv.county_id and id = inv.id;
      update app_user set password_hash = p_password_hash, updated_at = now() where county_id = inv.county_id and id = inv.user_id;
      return query select 'ACTIVATED', v_login, inv.expires_at;
    end $$;`;

export class Migration20261207093330_activation_by_county extends Migration {
  override name = 'Migration20261207093330_activation_by_county';

  override up(): void | Promise<void> {
    this.addSql(activate(true));
  }

  override down(): void | Promise<void> {
    this.addSql(activate(false));
  }
}
