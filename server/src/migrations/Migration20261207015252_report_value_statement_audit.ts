import { Migration } from '@mikro-orm/migrations';

/** The function without its `create` (migration audit_row_json_once's down() restores it with `create or replace`). */
export const AUDIT_STATEMENT = `function renda_audit_statement() returns trigger language plpgsql security definer set search_path = public as $$
    begin
      if tg_op = 'INSERT' then
        insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
        select renda_user(), renda_role(), (a->>'county_id')::uuid, (a->>'township_id')::uuid, tg_table_name, (a->>'id')::uuid,
               tg_op, null, renda_redact_pii(a, false)
          from (select to_jsonb(n) - 'password_hash' as a from new_rows n) x;
      elsif tg_op = 'DELETE' then
        insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
        select renda_user(), renda_role(), (b->>'county_id')::uuid, (b->>'township_id')::uuid, tg_table_name, (b->>'id')::uuid,
               tg_op, renda_redact_pii(b, false), null
          from (select to_jsonb(o) - 'password_hash' as b from old_rows o) x;
      else
        insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
        select renda_user(), renda_role(), (a->>'county_id')::uuid, (a->>'township_id')::uuid, tg_table_name, (a->>'id')::uuid,
               tg_op, renda_redact_pii(b, false), renda_redact_pii(a, (b->'phone') is distinct from (a->'phone'))
          from (select to_jsonb(o) - 'password_hash' as b from old_rows o) ob
          join (select to_jsonb(n) - 'password_hash' as a from new_rows n) na on na.a->'id' = ob.b->'id';
      end if;
      return null;
    end $$`;

/**
 * The audit of `quarterly_report_value` per statement instead of per row (issue #19, a cheaper write path).
 * A submission stores a report's ~21 values in one statement; the row trigger ran `renda_audit()` (a
 * security-definer PL/pgSQL call, two `to_jsonb`, a one-row insert into audit_log) once per value, the
 * largest part of a submission's time in PostgreSQL after planning. Statement triggers with transition
 * tables write the same audit rows (one per stored, changed or removed row, same columns, same redaction)
 * with one insert per statement. One trigger per event: PostgreSQL allows transition tables only on
 * single-event triggers.
 *
 * `renda_tenant_table('quarterly_report_value', …)` re-applied later would bring the row trigger
 * `quarterly_report_value_audit` back beside these: every audit row would then be written twice, which
 * quarterly-report-workflow.test.ts ("one audit row per stored row") reports.
 */
export class Migration20261207015252_report_value_statement_audit extends Migration {
  override name = 'Migration20261207015252_report_value_statement_audit';

  override up(): void | Promise<void> {
    this.addSql(`create ${AUDIT_STATEMENT};`);
    this.addSql(`revoke all on function renda_audit_statement() from public;`);
    this.addSql(`drop trigger "quarterly_report_value_audit" on "quarterly_report_value";`);
    this.addSql(
      `create trigger "quarterly_report_value_audit_insert" after insert on "quarterly_report_value" referencing new table as new_rows for each statement execute function renda_audit_statement();`,
    );
    this.addSql(
      `create trigger "quarterly_report_value_audit_update" after update on "quarterly_report_value" referencing old table as old_rows new table as new_rows for each statement execute function renda_audit_statement();`,
    );
    this.addSql(
      `create trigger "quarterly_report_value_audit_delete" after delete on "quarterly_report_value" referencing old table as old_rows for each statement execute function renda_audit_statement();`,
    );
  }

  override down(): void | Promise<void> {
    for (const event of ['insert', 'update', 'delete'])
      this.addSql(`drop trigger if exists "quarterly_report_value_audit_${event}" on "quarterly_report_value";`);
    this.addSql(
      `create trigger "quarterly_report_value_audit" after insert or update or delete on "quarterly_report_value" for each row execute function renda_audit();`,
    );
    this.addSql(`drop function if exists renda_audit_statement();`);
  }
}
