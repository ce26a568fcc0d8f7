import { Migration } from '@mikro-orm/migrations';

/**
 * The tenancy of a table, declared once: `renda_tenant_table(t, scope)` enables and forces row-level
 * security, (re)creates the `<table>_read/_insert/_update/_delete` policies of the scope, the audit trigger
 * and the grants. A new tenant table is then one line in its migration:
 * `select renda_tenant_table('new_table', 'township');`
 *
 * Scopes (who owns a row; who may write it):
 * - `township`: a township's rows; its users and the county's readers read them, its clerk writes them.
 * - `township_append_only`: the same, but rows are only ever inserted (report revisions).
 * - `township_or_county_admin`: a township's rows, written by its clerk or by the county admin (onboarding).
 * - `county`: a county's rows, read by all its users, written by county staff and admins.
 * - `county_or_shared`: a county's rows plus platform rows (`county_id` null) that every signed-in user
 *   reads; written by the county admin.
 *
 * `pii => true` (tables with personal data) leaves the analyst role without a table-wide select: the
 * migration that adds a column grants it to `renda_analyst` when it is not personal.
 *
 * Grants are only ever added, never revoked, so column grants made by later migrations survive a
 * re-application. Policies other than the four named ones (e.g. `quarterly_report_review`) are left alone.
 *
 * This migration re-applies the function to every table declared the old, long way; the result is
 * identical, policy for policy (`tenant-table-function.test.ts` compares the catalog before and after).
 * Tables with rules of their own keep them as written: the tenants `county` and `township`, `app_user`,
 * `audit_log`, `login_attempt`, `api_token`, `saved_query` (owner-scoped), `metric_definition` (never
 * deleted, not audited).
 */
export class Migration20261206162732_tenant_table_function extends Migration {

  override name = 'Migration20261206162732_tenant_table_function';

  override up(): void | Promise<void> {
    this.addSql(`create function renda_tenant_table(t regclass, scope text, pii boolean default false) returns void language plpgsql as $fn$
    declare
      tbl text := (select relname from pg_class where oid = t);
      in_county constant text := 'county_id = (select renda_county())';
      township_read constant text := 'county_id = (select renda_county()) and (township_id = (select renda_township()) or (select renda_is_county_reader()))';
      clerk constant text := 'county_id = (select renda_county()) and township_id = (select renda_township()) and (select renda_role()) = ''TOWNSHIP_CLERK''';
      read_using text;
      writer text;
      writes text[];
    begin
      case scope
        when 'township' then
          read_using := township_read; writer := clerk; writes := array['insert', 'update', 'delete'];
        when 'township_append_only' then
          read_using := township_read; writer := clerk; writes := array['insert'];
        when 'township_or_county_admin' then
          read_using := township_read;
          writer := in_county || ' and ((township_id = (select renda_township()) and (select renda_role()) = ''TOWNSHIP_CLERK'') or (select renda_role()) = ''COUNTY_ADMIN'')';
          writes := array['insert', 'update', 'delete'];
        when 'county' then
          read_using := in_county;
          writer := in_county || ' and (select renda_role()) in (''COUNTY_STAFF'', ''COUNTY_ADMIN'')';
          writes := array['insert', 'update', 'delete'];
        when 'county_or_shared' then
          read_using := '(select renda_role()) is not null and (county_id is null or ' || in_county || ')';
          writer := in_county || ' and (select renda_role()) = ''COUNTY_ADMIN''';
          writes := array['insert', 'update', 'delete'];
        else
          raise exception 'renda_tenant_table: unknown scope % for %', scope, t;
      end case;

      execute format('alter table %s enable row level security', t);
      execute format('alter table %s force row level security', t);
      execute format('drop policy if exists %I on %s', tbl || '_read', t);
      execute format('drop policy if exists %I on %s', tbl || '_insert', t);
      execute format('drop policy if exists %I on %s', tbl || '_update', t);
      execute format('drop policy if exists %I on %s', tbl || '_delete', t);
      execute format('create policy %I on %s for select using (%s)', tbl || '_read', t, read_using);
      if 'insert' = any (writes) then
        execute format('create policy %I on %s for insert with check (%s)', tbl || '_insert', t, writer);
      end if;
      if 'update' = any (writes) then
        execute format('create policy %I on %s for update using (%s) with check (%s)', tbl || '_update', t, writer, writer);
      end if;
      if 'delete' = any (writes) then
        execute format('create policy %I on %s for delete using (%s)', tbl || '_delete', t, writer);
      end if;
      execute format('create or replace trigger %I after insert or update or delete on %s for each row execute function renda_audit()', tbl || '_audit', t);
      execute format('grant select, %s on %s to renda_app', array_to_string(writes, ', '), t);
      if not pii then
        execute format('grant select on %s to renda_analyst', t);
      end if;
    end $fn$;`);
    // A migration helper: only the owner running migrations calls it.
    this.addSql(`revoke all on function renda_tenant_table(regclass, text, boolean) from public;`);

    this.addSql(`select renda_tenant_table('term', 'township');`);
    this.addSql(`select renda_tenant_table('congress_session', 'township');`);
    this.addSql(`select renda_tenant_table('deputy_group', 'township');`);
    this.addSql(`select renda_tenant_table('station', 'township');`);
    this.addSql(`select renda_tenant_table('deputy', 'township', pii => true);`);
    this.addSql(`select renda_tenant_table('activity', 'township');`);
    this.addSql(`select renda_tenant_table('activity_participant', 'township');`);
    this.addSql(`select renda_tenant_table('suggestion', 'township');`);
    this.addSql(`select renda_tenant_table('suggestion_proposer', 'township');`);
    this.addSql(`select renda_tenant_table('voter_contact', 'township');`);
    this.addSql(`select renda_tenant_table('election', 'township');`);
    this.addSql(`select renda_tenant_table('period_figure', 'township');`);
    this.addSql(`select renda_tenant_table('quarterly_report', 'township');`);
    this.addSql(`select renda_tenant_table('quarterly_report_value', 'township');`);
    this.addSql(`select renda_tenant_table('quarterly_report_revision', 'township_append_only');`);
    this.addSql(`select renda_tenant_table('record_coverage', 'township_or_county_admin');`);
    this.addSql(`select renda_tenant_table('reporting_deadline', 'county');`);
    this.addSql(`select renda_tenant_table('calendar_day', 'county_or_shared');`);
  }

  override down(): void | Promise<void> {
    // up() left every policy, trigger and grant as it was: only the function is new.
    this.addSql(`drop function if exists renda_tenant_table(regclass, text, boolean);`);
  }

}
