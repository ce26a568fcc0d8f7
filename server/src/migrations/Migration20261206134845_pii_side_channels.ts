import { Migration } from '@mikro-orm/migrations';

const NIL_UUID = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * No PII side channels (issue 13, finding 8).
 * - The audit log keeps that a deputy's phone was recorded, changed or cleared, never the number:
 *   `phone` reads "[redacted]" where a number was, "[changed]" in `after` when an update changed
 *   it, null where there was none. Rows already logged are scrubbed the same way.
 * - Metric keys are unique per county (and may not repeat a platform key), so defining one no longer
 *   tells a county admin what another county defined.
 */
export class Migration20261206134845_pii_side_channels extends Migration {

  override name = 'Migration20261206134845_pii_side_channels';

  override up(): void | Promise<void> {
    this.addSql(`create function renda_redact_pii(doc jsonb, changed boolean) returns jsonb language sql immutable set search_path = public as $$
      select case when doc is null or coalesce(doc->'phone', 'null'::jsonb) = 'null'::jsonb then doc
        else jsonb_set(doc, '{phone}', to_jsonb(case when changed then '[changed]' else '[redacted]' end)) end
    $$;`);
    this.addSql(`create or replace function renda_audit() returns trigger language plpgsql security definer set search_path = public as $$
    declare
      r jsonb;
      b jsonb;
      a jsonb;
    begin
      if tg_op = 'DELETE' then r := to_jsonb(old); else r := to_jsonb(new); end if;
      if tg_op in ('UPDATE', 'DELETE') then b := to_jsonb(old) - 'password_hash'; end if;
      if tg_op in ('INSERT', 'UPDATE') then a := to_jsonb(new) - 'password_hash'; end if;
      insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
      values (renda_user(), renda_role(), (r->>'county_id')::uuid, (r->>'township_id')::uuid, tg_table_name, (r->>'id')::uuid, tg_op,
        renda_redact_pii(b, false),
        renda_redact_pii(a, tg_op = 'UPDATE' and (b->'phone') is distinct from (a->'phone')));
      return null;
    end $$;`);
    // audit_log forces row-level security on its owner too, and no policy allows updates: lift it for the scrub.
    this.addSql(`alter table "audit_log" no force row level security;`);
    this.addSql(`update "audit_log" set
        "before" = renda_redact_pii("before", false),
        "after" = renda_redact_pii("after", "action" = 'UPDATE' and ("before"->'phone') is distinct from ("after"->'phone'))
      where "before" ? 'phone' or "after" ? 'phone';`);
    this.addSql(`alter table "audit_log" force row level security;`);

    this.addSql(`alter table "metric_definition" drop constraint "metric_definition_key_unique";`);
    this.addSql(`create unique index "metric_definition_scope_key_unique" on "metric_definition" (coalesce("county_id", ${NIL_UUID}), "key");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "metric_definition_scope_key_unique";`);
    this.addSql(`alter table "metric_definition" add constraint "metric_definition_key_unique" unique ("key");`);
    this.addSql(`create or replace function renda_audit() returns trigger language plpgsql security definer set search_path = public as $$
    declare
      r jsonb;
    begin
      if tg_op = 'DELETE' then r := to_jsonb(old); else r := to_jsonb(new); end if;
      insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
      values (renda_user(), renda_role(), (r->>'county_id')::uuid, (r->>'township_id')::uuid, tg_table_name, (r->>'id')::uuid, tg_op,
        case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - 'password_hash' end,
        case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - 'password_hash' end);
      return null;
    end $$;`);
    this.addSql(`drop function if exists renda_redact_pii(jsonb, boolean);`);
  }

}
