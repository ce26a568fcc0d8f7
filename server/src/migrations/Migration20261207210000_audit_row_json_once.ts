import { Migration } from '@mikro-orm/migrations';
import { AUDIT_WITH_NIL_COUNTY } from './Migration20261207014000_shard_keys.js';
import { AUDIT_STATEMENT } from './Migration20261207015252_report_value_statement_audit.js';

/**
 * The audit builds each row's JSON once (issue #19, a cheaper write path). Same audit rows, same columns,
 * same redaction; only fewer `to_jsonb` calls.
 *
 * - `renda_audit_statement` (the report values' statement trigger) read its rows through a subquery,
 *   `(select to_jsonb(n) - 'password_hash' as a from new_rows n) x`, which the planner pulls up into the
 *   insert: every use of `a` (three ids, the inlined redaction's tests and result) became its own
 *   `to_jsonb(n) - 'password_hash'`, about seven per row. A materialised CTE computes it once per row.
 *   A submission's 21 values: the trigger took 0.57–0.89 ms before, 0.31–0.45 ms after (EXPLAIN ANALYZE
 *   at the national tier, seven runs each after a first, the fence then written as `offset 0`).
 * - `renda_audit` (every other audited table, one row at a time) built `to_jsonb(new)` twice on an insert
 *   or an update, and `to_jsonb(old)` twice on a delete; the revision row carries its values as JSON, so
 *   each copy costs. It now builds each once and removes `password_hash` from that.
 */
const AUDIT_ROW = `create or replace function renda_audit() returns trigger
      language plpgsql security definer set search_path = public as $$
    declare
      r jsonb;
      b jsonb;
      a jsonb;
    begin
      -- r: the row that names the ids (the new one, or the old one on a delete), built once
      if tg_op = 'DELETE' then
        r := to_jsonb(old);
        b := r - 'password_hash';
      else
        r := to_jsonb(new);
        a := r - 'password_hash';
        if tg_op = 'UPDATE' then b := to_jsonb(old) - 'password_hash'; end if;
      end if;
      -- A platform row (no county) is logged under the nil uuid: audit_log is distributed by county_id.
      insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
      values (renda_user(), renda_role(), coalesce((r->>'county_id')::uuid, '00000000-0000-0000-0000-000000000000'::uuid),
        (r->>'township_id')::uuid, tg_table_name, (r->>'id')::uuid, tg_op,
        renda_redact_pii(b, false),
        renda_redact_pii(a, tg_op = 'UPDATE' and (b->'phone') is distinct from (a->'phone')));
      return null;
    end $$;`;

const AUDIT_STATEMENT_ONCE = `create or replace function renda_audit_statement() returns trigger language plpgsql security definer set search_path = public as $$
    begin
      -- "materialized": each row's JSON is built once, not once per use in the select list
      if tg_op = 'INSERT' then
        with x as materialized (select to_jsonb(n) - 'password_hash' as a from new_rows n)
        insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
        select renda_user(), renda_role(), (a->>'county_id')::uuid, (a->>'township_id')::uuid, tg_table_name, (a->>'id')::uuid,
               tg_op, null, renda_redact_pii(a, false)
          from x;
      elsif tg_op = 'DELETE' then
        with x as materialized (select to_jsonb(o) - 'password_hash' as b from old_rows o)
        insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
        select renda_user(), renda_role(), (b->>'county_id')::uuid, (b->>'township_id')::uuid, tg_table_name, (b->>'id')::uuid,
               tg_op, renda_redact_pii(b, false), null
          from x;
      else
        with ob as materialized (select to_jsonb(o) - 'password_hash' as b from old_rows o),
             na as materialized (select to_jsonb(n) - 'password_hash' as a from new_rows n)
        insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
        select renda_user(), renda_role(), (a->>'county_id')::uuid, (a->>'township_id')::uuid, tg_table_name, (a->>'id')::uuid,
               tg_op, renda_redact_pii(b, false), renda_redact_pii(a, (b->'phone') is distinct from (a->'phone'))
          from ob join na on na.a->'id' = ob.b->'id';
      end if;
      return null;
    end $$;`;

export class Migration20261207210000_audit_row_json_once extends Migration {
  override name = 'Migration20261207210000_audit_row_json_once';

  override up(): void | Promise<void> {
    this.addSql(AUDIT_ROW);
    this.addSql(AUDIT_STATEMENT_ONCE);
  }

  override down(): void | Promise<void> {
    this.addSql(AUDIT_WITH_NIL_COUNTY);
    this.addSql(`create or replace ${AUDIT_STATEMENT};`);
  }
}
