import { Migration } from '@mikro-orm/migrations';

/**
 * The data version behind the result cache (server/README.md, Result cache): `county_data_version` holds
 * one counter per county, and the row `00000000-0000-0000-0000-000000000000` one for platform rows
 * (`county_id` null: the national calendar, the platform metric catalog). A county's data version is
 * the sum of its counter and the platform's (`renda_data_version(county)`), so it rises whenever either
 * does, without a platform write having to lock every county's row.
 *
 * Statement-level triggers with transition tables (`renda_bump_data_version`, security definer, owned by
 * the owner role, fixed search_path: the tables force row-level security and the application role may
 * not write the counters) bump the counters of the counties a statement touched, in the statement's own
 * transaction: a rollback takes the bump with it, and a commit publishes data and version together. One
 * upsert per statement, however many rows (bulk imports, seeding). TRUNCATE bumps the platform counter.
 *
 * `renda_data_version_table(t, column)` attaches the triggers; `renda_tenant_table()` now calls it, so a
 * future tenant table gets them with its one line. This migration attaches them to every existing table
 * with a `county_id` column (the tables with rules of their own, `township`, `app_user`,
 * `metric_definition`, `saved_query`…, included) and to `county` itself (by `id`), but not to
 * `audit_log`: only the audit trigger writes it, one row (one statement) per audited row, always beside
 * a write that bumped the same county already; counting it again would add an upsert per row to bulk
 * writes, and a county row's audit entry (its `county_id` null) would bump every county.
 * The table is not an entity: re-seeding (which truncates the entities' tables) must never reset it.
 */
export class Migration20261207013430_county_data_version extends Migration {

  override name = 'Migration20261207013430_county_data_version';

  override up(): void | Promise<void> {
    this.addSql(`create table "county_data_version" ("county_id" uuid not null primary key, "version" bigint not null);`);
    this.addSql(`revoke all on "county_data_version" from public;`);

    this.addSql(`create function renda_bump_data_version() returns trigger language plpgsql security definer set search_path = pg_catalog, public as $fn$
    declare
      col constant text := tg_argv[0];
      source text;
      platform boolean := false;
      counties uuid[];
    begin
      if tg_op = 'TRUNCATE' then
        platform := true;
      else
        source := case tg_op
          when 'INSERT' then format('select %I as c from new_rows', col)
          when 'DELETE' then format('select %I as c from old_rows', col)
          else format('select %1$I as c from new_rows union all select %1$I from old_rows', col)
        end;
        execute format('select coalesce(bool_or(c is null), false), array_agg(distinct c) filter (where c is not null) from (%s) s', source)
          into platform, counties;
      end if;
      -- a platform row (county_id null) concerns every county: the platform counter is part of each county's version
      if platform then
        counties := array['00000000-0000-0000-0000-000000000000'::uuid];
      end if;
      if counties is not null then
        -- ordered, so that two statements bumping the same counties lock their rows in the same order
        insert into public.county_data_version as v (county_id, version)
          select c, 1 from unnest(counties) c order by c
          on conflict (county_id) do update set version = v.version + 1;
      end if;
      return null;
    end $fn$;`);
    this.addSql(`revoke all on function renda_bump_data_version() from public;`);

    this.addSql(`create function renda_data_version(county uuid) returns bigint language sql stable security definer set search_path = pg_catalog, public as $fn$
      select coalesce(sum(version), 0)::bigint from public.county_data_version
       where county_id in (county, '00000000-0000-0000-0000-000000000000'::uuid)
    $fn$;`);
    this.addSql(`revoke all on function renda_data_version(uuid) from public;`);
    this.addSql(`grant execute on function renda_data_version(uuid) to renda_app, renda_analyst;`);

    this.addSql(`create function renda_data_version_table(t regclass, county_column text default 'county_id') returns void language plpgsql as $fn$
    declare
      tbl text := (select relname from pg_class where oid = t);
    begin
      -- transition tables allow one event per trigger
      execute format('create or replace trigger %I after insert on %s referencing new table as new_rows for each statement execute function renda_bump_data_version(%L)', tbl || '_version_insert', t, county_column);
      execute format('create or replace trigger %I after update on %s referencing old table as old_rows new table as new_rows for each statement execute function renda_bump_data_version(%L)', tbl || '_version_update', t, county_column);
      execute format('create or replace trigger %I after delete on %s referencing old table as old_rows for each statement execute function renda_bump_data_version(%L)', tbl || '_version_delete', t, county_column);
      execute format('create or replace trigger %I after truncate on %s for each statement execute function renda_bump_data_version(%L)', tbl || '_version_truncate', t, county_column);
    end $fn$;`);
    this.addSql(`revoke all on function renda_data_version_table(regclass, text) from public;`);

    this.addSql(TENANT_TABLE_WITH_VERSION);

    this.addSql(`do $do$
    declare
      r record;
    begin
      for r in
        select c.oid::regclass as t
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'county_id' and not a.attisdropped
         where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not in ('county_data_version', 'audit_log')
      loop
        perform renda_data_version_table(r.t);
      end loop;
      perform renda_data_version_table('county', 'id');
    end $do$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`do $do$
    declare
      r record;
    begin
      for r in
        select tgname, tgrelid::regclass as t from pg_trigger
         where tgname ~ '_version_(insert|update|delete|truncate)$'
           and tgfoid = 'renda_bump_data_version()'::regprocedure
      loop
        execute format('drop trigger %I on %s', r.tgname, r.t);
      end loop;
    end $do$;`);
    this.addSql(TENANT_TABLE_WITHOUT_VERSION);
    this.addSql(`drop function renda_data_version_table(regclass, text);`);
    this.addSql(`drop function renda_data_version(uuid);`);
    this.addSql(`drop function renda_bump_data_version();`);
    this.addSql(`drop table "county_data_version";`);
  }

}

/** renda_tenant_table as Migration20261206162732_tenant_table_function wrote it, plus the data version's triggers. */
const TENANT_TABLE_WITH_VERSION = `create or replace function renda_tenant_table(t regclass, scope text, pii boolean default false) returns void language plpgsql as $fn$
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
      perform renda_data_version_table(t);
    end $fn$;`;

/** renda_tenant_table as Migration20261206162732_tenant_table_function wrote it (for down()). */
const TENANT_TABLE_WITHOUT_VERSION = `create or replace function renda_tenant_table(t regclass, scope text, pii boolean default false) returns void language plpgsql as $fn$
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
    end $fn$;`;
