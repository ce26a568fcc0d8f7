/**
 * The Citus forms of the trigger functions that write beside each change: the audit log and the result
 * cache's data version (county_data_change). Keep them in step with their one-server forms (migrations
 * tenancy/write_path, report_value_statement_audit, data_version_without_lock,
 * identity_and_version_by_county, cheaper_write_triggers, audit_row_json_once); `*.citus.test.ts` checks
 * that both write what they write on one server.
 *
 * On the cluster a trigger runs on a shard, on a worker, and Citus lets it reach other shards only when
 * they are on the same node (local execution, in the same transaction): a statement that Citus must send
 * elsewhere is refused ("cannot execute a distributed query from a query on a shard"). So:
 * - Every insert is one row with its county as a value (`insert … values`), which Citus routes to one
 *   shard; an `insert … select` (unnest, transition tables) would be planned as a distributed
 *   INSERT … SELECT and refused.
 * - A distributed table's rows of a county sit beside that county's audit_log and county_data_change
 *   shards (co-location): always local.
 * - A reference table (county, metric_definition, calendar_day) has a copy on every node, and its triggers
 *   fire on each. Each copy writes only the rows whose target shard is on its own node
 *   (`renda_shard_is_local`), so exactly one node writes each row, in the same distributed transaction.
 */

/**
 * The distributed table a shard belongs to: on a shard, `tg_table_name` is the shard's name
 * (`term_102035`), and the audit log names tables as one server does.
 */
const LOGICAL_TABLE = `create or replace function renda_logical_table(name text) returns text
  language sql stable security definer set search_path = pg_catalog, public as $fn$
  select coalesce((select c.relname::text from pg_dist_shard s join pg_class c on c.oid = s.logicalrelid
                    where s.shardid = substring(name from '_([0-9]+)$')::bigint and name = c.relname || '_' || s.shardid), name) $fn$`;

/** Whether the shard of `tbl` that holds `value` is on this node. */
const SHARD_IS_LOCAL = `create or replace function renda_shard_is_local(tbl regclass, value uuid) returns boolean
  language sql stable security definer set search_path = pg_catalog, public as $fn$
  select exists (select 1 from pg_dist_placement p join pg_dist_local_group l on l.groupid = p.groupid
                  where p.shardid = get_shard_id_for_distribution_column(tbl, value)) $fn$`;

const BUMP_DATA_VERSION = `create or replace function renda_bump_data_version() returns trigger language plpgsql security definer set search_path = pg_catalog, public as $fn$
declare
  col constant text := tg_argv[0];
  source text;
  platform boolean := false;
  counties uuid[];
  county uuid;
  added bigint;
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
  -- a platform row concerns every county (migration identity_and_version_by_county): each county's version
  -- rises, here only the counties whose shards this node holds (the county reference table is read from
  -- this node's own copy)
  if platform then
    select array_agg(c.id order by c.id) into counties from public.county c;
  elsif cardinality(counties) = 1 and counties[1]::text = current_setting('renda.changed_county', true) then
    -- this transaction already appended the county's row here (migration cheaper_write_triggers)
    return null;
  end if;
  foreach county in array coalesce(counties, '{}') loop
    if public.renda_shard_is_local('public.county_data_change', county) then
      insert into public.county_data_change (county_id) values (county) returning id into added;
      if added % 64 = 0 and current_setting('transaction_isolation') = 'read committed' then
        perform public.renda_compact_data_version(county);
      end if;
      if not platform and cardinality(counties) = 1 then
        perform set_config('renda.changed_county', county::text, true);
      end if;
    end if;
  end loop;
  return null;
end $fn$`;

const AUDIT = `create or replace function renda_audit() returns trigger language plpgsql security definer set search_path = public as $fn$
declare
  r jsonb;
  b jsonb;
  a jsonb;
  county uuid;
begin
  if tg_op = 'DELETE' then r := to_jsonb(old); else r := to_jsonb(new); end if;
  county := coalesce((r->>'county_id')::uuid, '00000000-0000-0000-0000-000000000000'::uuid);
  if not renda_shard_is_local('audit_log', county) then return null; end if;
  -- each row's JSON built once (migration audit_row_json_once)
  if tg_op = 'DELETE' then
    b := r - 'password_hash';
  else
    a := r - 'password_hash';
    if tg_op = 'UPDATE' then b := to_jsonb(old) - 'password_hash'; end if;
  end if;
  insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
  values (renda_user(), renda_role(), county, (r->>'township_id')::uuid, renda_logical_table(tg_table_name), (r->>'id')::uuid, tg_op,
    renda_redact_pii(b, false),
    renda_redact_pii(a, tg_op = 'UPDATE' and (b->'phone') is distinct from (a->'phone')));
  return null;
end $fn$`;

const AUDIT_STATEMENT = `create or replace function renda_audit_statement() returns trigger language plpgsql security definer set search_path = public as $fn$
declare
  changes refcursor;
  b jsonb;
  a jsonb;
  r jsonb;
begin
  -- each statement's transition tables exist only for its own event
  if tg_op = 'INSERT' then
    open changes for select null::jsonb, to_jsonb(n) - 'password_hash' from new_rows n;
  elsif tg_op = 'DELETE' then
    open changes for select to_jsonb(o) - 'password_hash', null::jsonb from old_rows o;
  else
    open changes for select ob.b, na.a from (select to_jsonb(o) - 'password_hash' as b from old_rows o) ob
      join (select to_jsonb(n) - 'password_hash' as a from new_rows n) na on na.a->'id' = ob.b->'id';
  end if;
  loop
    fetch changes into b, a;
    exit when not found;
    r := coalesce(a, b);
    insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
    values (renda_user(), renda_role(), (r->>'county_id')::uuid, (r->>'township_id')::uuid, renda_logical_table(tg_table_name), (r->>'id')::uuid,
            tg_op, case when b is not null then renda_redact_pii(b, false) end,
            case when a is not null then renda_redact_pii(a, tg_op = 'UPDATE' and (b->'phone') is distinct from (a->'phone')) end);
  end loop;
  close changes;
  return null;
end $fn$`;

export const CITUS_TRIGGER_FUNCTIONS = [LOGICAL_TABLE, SHARD_IS_LOCAL, BUMP_DATA_VERSION, AUDIT, AUDIT_STATEMENT];
