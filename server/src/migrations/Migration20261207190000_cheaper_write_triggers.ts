import { Migration } from '@mikro-orm/migrations';
import { bumpDataVersion } from './Migration20261207105834_identity_and_version_by_county.js';

/**
 * What the triggers behind every write cost (issue #19, a cheaper write path). A quarterly submission
 * writes three statements (the report, ~21 values, the revision); measured at the national tier with
 * pgbench replaying those statements as a clerk, the data-version triggers and the audit's PII redaction
 * took about a third of their time.
 *
 * - `renda_redact_pii` loses its `set search_path`. A `language sql` function with a `set` clause is never
 *   inlined, so the audit called it once per audited row and PostgreSQL parsed and planned its body every
 *   time (before PostgreSQL 18). Without the clause the planner inlines it into the audit's insert, whose
 *   plan PL/pgSQL keeps. Not security definer, and it names only built-ins, which resolve from pg_catalog
 *   whatever the search path: the clause protected nothing.
 * - `renda_bump_data_version` appends one change row per county per transaction, not per statement: a
 *   version must rise with every committed write, and a transaction's rows commit together, so one row
 *   says as much as three. The transaction remembers the county it last appended for in a local setting
 *   (`renda.changed_county`, gone at commit or rollback, and undone with a rolled-back savepoint, as the row
 *   is). The usual column (`county_id`) is read from the transition tables with statements PL/pgSQL plans
 *   once per table; `execute`, kept for other columns, plans on every call.
 */

const redactPii = (inlinable: boolean) => `create or replace function renda_redact_pii(doc jsonb, changed boolean) returns jsonb
      language sql immutable${inlinable ? '' : ' set search_path = public'} as $$
      select case when doc is null or coalesce(doc->'phone', 'null'::jsonb) = 'null'::jsonb then doc
        else jsonb_set(doc, '{phone}', to_jsonb(case when changed then '[changed]' else '[redacted]' end)) end
    $$;`;

/** The counties a statement changed, from its transition tables: `select …, … into platform, counties`. */
const countiesOf = (rows: string) =>
  `select coalesce(bool_or(county_id is null), false), array_agg(distinct county_id) filter (where county_id is not null)
          into platform, counties from ${rows};`;

const BUMP_ONCE_PER_TRANSACTION = `create or replace function renda_bump_data_version() returns trigger language plpgsql security definer set search_path = pg_catalog, public as $fn$
    declare
      col constant text := tg_argv[0];
      source text;
      platform boolean := false;
      counties uuid[];
      compact uuid[];
    begin
      if tg_op = 'TRUNCATE' then
        platform := true;
      elsif col = 'county_id' then
        if tg_op = 'INSERT' then
          ${countiesOf('new_rows')}
        elsif tg_op = 'DELETE' then
          ${countiesOf('old_rows')}
        else
          ${countiesOf('(select county_id from new_rows union all select county_id from old_rows) s')}
        end if;
      else
        source := case tg_op
          when 'INSERT' then format('select %I as c from new_rows', col)
          when 'DELETE' then format('select %I as c from old_rows', col)
          else format('select %1$I as c from new_rows union all select %1$I from old_rows', col)
        end;
        execute format('select coalesce(bool_or(c is null), false), array_agg(distinct c) filter (where c is not null) from (%s) s', source)
          into platform, counties;
      end if;
      -- a platform row (county_id null) concerns every county: each county's version rises, so a version is
      -- read from the county's own rows alone
      if platform then
        select array_agg(c.id order by c.id) into counties from public.county c;
      elsif cardinality(counties) = 1 and counties[1]::text = current_setting('renda.changed_county', true) then
        -- this transaction already appended the county's row, which commits (or not) with this change
        return null;
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
        if cardinality(counties) = 1 then
          perform set_config('renda.changed_county', counties[1]::text, true);
        end if;
      end if;
      return null;
    end $fn$;`;

export class Migration20261207190000_cheaper_write_triggers extends Migration {
  override name = 'Migration20261207190000_cheaper_write_triggers';

  override up(): void | Promise<void> {
    this.addSql(redactPii(true));
    this.addSql(BUMP_ONCE_PER_TRANSACTION);
  }

  override down(): void | Promise<void> {
    this.addSql(bumpDataVersion(true));
    this.addSql(redactPii(false));
  }
}
