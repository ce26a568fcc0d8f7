import type { RunSql } from './distribute.js';
import { CITUS_TRIGGER_FUNCTIONS } from './citus-triggers.js';

/** Settings of the identity that row-level security reads, on every node of a request's transaction. */
export const SHARED_SETTINGS = [
  'renda.user_id',
  'renda.role',
  'renda.county_id',
  'renda.township_id',
  'renda.deputy_id',
  'renda.auth_login',
] as const;

/** A deputy's own ids, read on the coordinator and shared as settings (citus-policies.ts, rules 2–3). */
const DEPUTY_SETTINGS = [
  'renda.deputy_township_id',
  'renda.deputy_county_id',
  'renda.deputy_term_id',
  'renda.deputy_group_id',
  'renda.deputy_station_id',
  'renda.deputy_activities',
  'renda.deputy_suggestions',
] as const;

const arrayLiteral = (items: readonly string[]) => `array[${items.map((s) => `'${s}'`).join(', ')}]`;

/**
 * `renda_share_settings()` on the cluster. `set_config(…, true)` sets a value in the coordinator's
 * session only: the workers, where row-level security filters each shard, would see no identity and
 * show nothing. Citus sends `SET LOCAL` statements to every worker the transaction uses (now and later)
 * when `citus.propagate_set_commands = 'local'` (distributeByCounty makes it the database's default), so
 * this repeats each setting as a `SET LOCAL`. It carries no `SET` clause and is no security definer: a
 * function with a `SET` clause restores every setting it changed when it returns.
 *
 * A deputy's own row and its activities' and suggestions' ids are read here, once, on the coordinator
 * (policies on shards may not query other tables) and shared too. They are the transaction's start:
 * a suggestion a deputy proposes becomes visible to it from its next request on.
 */
const SHARE_SETTINGS = `create or replace function renda_share_settings() returns boolean language plpgsql volatile as $fn$
declare
  setting text;
  d record;
begin
  -- Write transactions ask for generic plans (apply-identity.ts); Citus cannot route a generic plan's
  -- parameter inside a PL/pgSQL function (renda_data_version, the converted functions, this function's
  -- own reads of a deputy's rows) nor in an IN list ("could not create distributed plan"), so on the
  -- cluster the transaction keeps custom plans, from before the deputy's rows are read.
  perform set_config('plan_cache_mode', 'auto', true);
  foreach setting in array ${arrayLiteral(SHARED_SETTINGS)} loop
    execute format('set local %s = %L', setting, coalesce(current_setting(setting, true), ''));
  end loop;
  if public.renda_role() = 'DEPUTY' then
    select township_id, county_id, term_id, group_id, station_id into d
      from public.deputy where id = public.renda_deputy() and county_id = public.renda_county();
    perform set_config('renda.deputy_township_id', coalesce(d.township_id::text, ''), true),
            set_config('renda.deputy_county_id', coalesce(d.county_id::text, ''), true),
            set_config('renda.deputy_term_id', coalesce(d.term_id::text, ''), true),
            set_config('renda.deputy_group_id', coalesce(d.group_id::text, ''), true),
            set_config('renda.deputy_station_id', coalesce(d.station_id::text, ''), true),
            set_config('renda.deputy_activities', coalesce((select string_agg(activity_id::text, ',')
              from public.activity_participant where deputy_id = public.renda_deputy() and county_id = public.renda_county()), ''), true),
            set_config('renda.deputy_suggestions', coalesce((select string_agg(suggestion_id::text, ',')
              from public.suggestion_proposer where deputy_id = public.renda_deputy() and county_id = public.renda_county()), ''), true);
  end if;
  foreach setting in array ${arrayLiteral(DEPUTY_SETTINGS)} loop
    execute format('set local %s = %L', setting, coalesce(current_setting(setting, true), ''));
  end loop;
  return true;
end $fn$`;

const SETTING_UUIDS = `create or replace function renda_setting_uuids(name text) returns uuid[] language sql stable as $fn$
  select coalesce(string_to_array(nullif(current_setting(name, true), ''), ',')::uuid[], '{}') $fn$`;

interface SqlFunctionRow {
  oid: string;
  name: string;
  arguments: string;
  result: string;
  returnsSet: boolean;
  volatility: string;
  securityDefiner: boolean;
  config: string[] | null;
  body: string;
}

/**
 * `language sql` functions with parameters that read distributed tables: Citus cannot plan their
 * statements ("could not create distributed plan … parameters in SQL functions"), plpgsql passes the
 * values in as it runs them. Sign-in's `renda_identity_valid` is one.
 */
async function sqlFunctionsToConvert(run: RunSql, tables: readonly string[]): Promise<SqlFunctionRow[]> {
  const found = (await run(
    `select p.oid::text as oid, p.proname as name, pg_get_function_arguments(p.oid) as arguments,
            pg_get_function_result(p.oid) as result, p.proretset as "returnsSet", p.provolatile as volatility,
            p.prosecdef as "securityDefiner", p.proconfig as config, p.prosrc as body
       from pg_proc p join pg_language l on l.oid = p.prolang
      where p.pronamespace = 'public'::regnamespace and l.lanname = 'sql' and p.pronargs > 0
      order by p.proname`,
  )) as SqlFunctionRow[];
  const reads = new RegExp(`\\b(${tables.join('|')})\\b`);
  return found.filter((f) => reads.test(f.body));
}

function asPlpgsql(f: SqlFunctionRow): string {
  const body = f.body.trim().replace(/;\s*$/, '');
  const statement = f.returnsSet ? `return query ${body};` : f.result === 'void' ? `${body};` : `return (${body});`;
  const volatility = { i: 'immutable', s: 'stable', v: 'volatile' }[f.volatility] ?? 'volatile';
  // Write transactions plan generically (apply-identity.ts, plan_cache_mode), and Citus cannot plan
  // every statement with a parameter left in it (`county_id in ($1, …)`): these plan with the values.
  const config = [
    ...(f.config ?? []).filter((c) => !c.startsWith('plan_cache_mode=')),
    'plan_cache_mode=force_custom_plan',
  ];
  const settings = config.map((c) => {
    const [name, ...value] = c.split('=');
    return ` set ${name} = '${value.join('=').replaceAll("'", "''")}'`;
  });
  return (
    `create or replace function public.${f.name}(${f.arguments}) returns ${f.result} language plpgsql ${volatility}` +
    `${f.securityDefiner ? ' security definer' : ''}${settings.join('')} as $fn$\n` +
    // the body names columns that RETURNS TABLE also declares as variables: the columns win, as in SQL
    `#variable_conflict use_column\nbegin\n  ${statement}\nend $fn$`
  );
}

/**
 * Every other plpgsql function plans its statements with their values too: write transactions plan
 * generically, and Citus cannot plan some statements with parameters left in them (the login
 * directory's `insert … select … from app_user where county_id = $1`). Not `renda_share_settings`: a
 * function with a `SET` clause undoes its `SET LOCAL`s when it returns. Run after
 * `citusFunctionStatements`, so the functions those create or replace are covered.
 */
export async function customPlanStatements(run: RunSql): Promise<string[]> {
  const found = (await run(
    `select p.oid::regprocedure::text as signature
       from pg_proc p join pg_language l on l.oid = p.prolang
      where p.pronamespace = 'public'::regnamespace and l.lanname = 'plpgsql' and p.prokind = 'f'
        and p.proname <> 'renda_share_settings'
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'plan_cache_mode=%')
      order by 1`,
  )) as { signature: string }[];
  return found.map((f) => `alter function ${f.signature} set plan_cache_mode = 'force_custom_plan'`);
}

/** The Citus forms of Renda's functions (idempotent: `create or replace`, settings only where missing). */
export async function citusFunctionStatements(run: RunSql, distributed: readonly string[]): Promise<string[]> {
  const converted = (await sqlFunctionsToConvert(run, distributed)).map(asPlpgsql);
  return [SETTING_UUIDS, SHARE_SETTINGS, ...converted, ...CITUS_TRIGGER_FUNCTIONS];
}
