import { Migration } from '@mikro-orm/migrations';

/**
 * The result cache's data version without a row lock (issue #19, part 5). `county_data_version` held one
 * counter row per county, and every write bumped it from the statement's trigger: the row stayed locked
 * from a submission's first write to its commit, so one county's clerks queued there (national B3: 79.9 ms
 * of SQL per submission with the triggers, 15.5–16.8 without).
 *
 * Now the statement trigger appends a row `(county_id, n = 1)` to `county_data_change` (no unique key
 * but the sequence id, no foreign key: nothing another writer can wait on), and a county's version is
 * `sum(n)` over the committed rows of the county and of the platform (nil uuid) that the reader's
 * snapshot sees. A sum of counts, not the highest id: transactions commit out of id order (T1 takes id
 * 100, T2 101, T2 commits, a reader caches at max = 101, T1 commits: max is still 101 and the cached
 * answer would be stale). Each committed write adds at least 1, and the committed sets successive
 * snapshots see are nested, so equal versions mean the same committed writes.
 *
 * Compaction keeps the sum small to read: when a change row's id is a multiple of 64, the trigger folds
 * the county's committed rows it can lock (`for update skip locked`: writers never wait on each other,
 * rows another compaction holds are left for the next one) into one row carrying their sum, in one
 * statement of the writing transaction, so a reader sees either the rows or their sum, never neither or
 * both. Rows of transactions not yet committed are invisible to it and stay. Only under READ COMMITTED
 * (every request transaction): at REPEATABLE READ, locking a row a concurrent compaction deleted would
 * fail the writer with a serialization error.
 *
 * The primary key `(county_id, id) include (n)` makes the reader's sum one index-only probe.
 * `renda_bump_data_version` and `renda_data_version` keep their names and signatures, so the triggers
 * attached everywhere (and by `renda_tenant_table()` later) and every reader stay as they are.
 */
export class Migration20261207043843_data_version_without_lock extends Migration {

  override name = 'Migration20261207043843_data_version_without_lock';

  override up(): void | Promise<void> {
    this.addSql(`create table "county_data_change" (
      "county_id" uuid not null,
      "id" bigint generated always as identity,
      "n" bigint not null default 1,
      constraint "county_data_change_pkey" primary key ("county_id", "id") include ("n")
    );`);
    this.addSql(`revoke all on "county_data_change" from public;`);
    // the counters become each county's first row: versions continue where they were
    this.addSql(`insert into "county_data_change" ("county_id", "n") select "county_id", "version" from "county_data_version" where "version" > 0 order by "county_id";`);

    this.addSql(`create function renda_compact_data_version(county uuid) returns void language sql security definer set search_path = pg_catalog, public as $fn$
      with gone as (
        delete from public.county_data_change c
         where c.county_id = county
           and c.id in (select l.id from public.county_data_change l where l.county_id = county for update skip locked)
        returning c.n
      )
      insert into public.county_data_change (county_id, n)
      select county, sum(n) from gone having count(*) > 0
    $fn$;`);
    this.addSql(`revoke all on function renda_compact_data_version(uuid) from public;`);

    this.addSql(`create or replace function renda_bump_data_version() returns trigger language plpgsql security definer set search_path = pg_catalog, public as $fn$
    declare
      col constant text := tg_argv[0];
      source text;
      platform boolean := false;
      counties uuid[];
      compact uuid[];
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
      -- a platform row (county_id null) concerns every county: the platform's rows are part of each county's version
      if platform then
        counties := array['00000000-0000-0000-0000-000000000000'::uuid];
      end if;
      if counties is not null then
        -- appended, never updated: no row here is locked by a writer, so writers of one county never queue
        with added as (
          insert into public.county_data_change (county_id) select unnest(counties) returning county_id, id
        )
        select array_agg(county_id) filter (where id % 64 = 0) into compact from added;
        if compact is not null and current_setting('transaction_isolation') = 'read committed' then
          perform renda_compact_data_version(c) from unnest(compact) c;
        end if;
      end if;
      return null;
    end $fn$;`);

    this.addSql(`create or replace function renda_data_version(county uuid) returns bigint language sql stable security definer set search_path = pg_catalog, public as $fn$
      select coalesce(sum(n), 0)::bigint from public.county_data_change
       where county_id in (county, '00000000-0000-0000-0000-000000000000'::uuid)
    $fn$;`);

    this.addSql(`drop table "county_data_version";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create table "county_data_version" ("county_id" uuid not null primary key, "version" bigint not null);`);
    this.addSql(`revoke all on "county_data_version" from public;`);
    this.addSql(`insert into "county_data_version" ("county_id", "version") select "county_id", sum("n") from "county_data_change" group by "county_id";`);

    this.addSql(`create or replace function renda_bump_data_version() returns trigger language plpgsql security definer set search_path = pg_catalog, public as $fn$
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

    this.addSql(`create or replace function renda_data_version(county uuid) returns bigint language sql stable security definer set search_path = pg_catalog, public as $fn$
      select coalesce(sum(version), 0)::bigint from public.county_data_version
       where county_id in (county, '00000000-0000-0000-0000-000000000000'::uuid)
    $fn$;`);

    this.addSql(`drop function renda_compact_data_version(uuid);`);
    this.addSql(`drop table "county_data_change";`);
  }

}
