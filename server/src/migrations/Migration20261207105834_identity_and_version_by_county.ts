import { Migration } from '@mikro-orm/migrations';

/**
 * Every request's identity statement reads only the caller's county (issue #20, the worker-kill test). On a
 * Citus cluster a read that names no county runs on every shard, so one dead worker failed every county's
 * requests, and two reads of that statement named none:
 *
 * - `renda_identity_valid` looked the session up by user (or API token) id alone. It now also takes the
 *   caller's county (the token's, which is the user's or the API token's own): the same row, found in one
 *   shard group. The three-argument form is dropped, so nothing can call the fan-out any more.
 * - `renda_data_version(county)` summed the county's change rows and the platform's (nil uuid), a second
 *   shard that may sit on another worker. A platform write (a national calendar day, a platform metric,
 *   a TRUNCATE) now appends a change row to every county instead, in the same transaction, and a county's
 *   version is the sum of its own rows. Platform writes are rare and small; the cost is one row per
 *   county per statement. On a cluster such a write also needs every worker (it writes every county's
 *   shard, and the reference table it changes has a copy on each), which a reference-table write needs
 *   anyway. The platform's rows so far are folded into each county's (versions keep their values).
 *
 * On one server nothing else changes: the version still rises with every committed write of the county's
 * data or the platform's. The Citus form of the trigger function (database/citus/citus-triggers.ts) follows.
 */
const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

const identityValid = (byCounty: boolean) => {
  const county = byCounty ? ' and county_id = p_county' : '';
  return `-- Called in the statement that applies a request's identity (apply-identity.ts): a person's token
    -- version must still match an active user; an API token must be neither revoked nor expired.
    create function renda_identity_valid(p_user uuid, p_token_version integer, p_api_token uuid${byCounty ? ', p_county uuid' : ''}) returns boolean
      language sql stable security definer set search_path = public as $$
      select case
        when p_api_token is not null then exists (
          select 1 from api_token where id = p_api_token${county} and revoked_at is null and expires_at > now())
        else exists (
          select 1 from app_user where id = p_user${county} and active and token_version = p_token_version)
      end $$;`;
};

export const bumpDataVersion = (everyCounty: boolean) => `create or replace function renda_bump_data_version() returns trigger language plpgsql security definer set search_path = pg_catalog, public as $fn$
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
      ${
        everyCounty
          ? `-- a platform row (county_id null) concerns every county: each county's version rises, so a version is
      -- read from the county's own rows alone
      if platform then
        select array_agg(c.id order by c.id) into counties from public.county c;
      end if;`
          : `-- a platform row (county_id null) concerns every county: the platform's rows are part of each county's version
      if platform then
        counties := array[${NIL}];
      end if;`
      }
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
    end $fn$;`;

const dataVersion = (ownRowsOnly: boolean) => `create or replace function renda_data_version(county uuid) returns bigint language sql stable security definer set search_path = pg_catalog, public as $fn$
      select coalesce(sum(n), 0)::bigint from public.county_data_change
       where ${ownRowsOnly ? 'county_id = county' : `county_id in (county, ${NIL})`}
    $fn$;`;

export class Migration20261207105834_identity_and_version_by_county extends Migration {
  override name = 'Migration20261207105834_identity_and_version_by_county';

  override up(): void | Promise<void> {
    this.addSql(identityValid(true));
    this.addSql(`revoke all on function renda_identity_valid(uuid, integer, uuid, uuid) from public;`);
    this.addSql(
      `grant execute on function renda_identity_valid(uuid, integer, uuid, uuid) to renda_app, renda_analyst;`,
    );
    this.addSql(`drop function renda_identity_valid(uuid, integer, uuid);`);

    // One routed row per county (`insert … values`), which a Citus cluster places without a distributed
    // INSERT … SELECT; then the platform's rows go. A county's version keeps its value.
    this.addSql(`do $do$
    declare
      platform bigint := (select coalesce(sum(n), 0) from public.county_data_change where county_id = ${NIL});
      county uuid;
    begin
      if platform > 0 then
        for county in select c.id from public.county c order by c.id loop
          insert into public.county_data_change (county_id, n) values (county, platform);
        end loop;
      end if;
      delete from public.county_data_change where county_id = ${NIL};
    end $do$;`);
    this.addSql(bumpDataVersion(true));
    this.addSql(dataVersion(true));
  }

  override down(): void | Promise<void> {
    // The platform's rows are not split out again: each county keeps its sum, the platform starts at 0, and
    // every version keeps its value.
    this.addSql(dataVersion(false));
    this.addSql(bumpDataVersion(false));
    this.addSql(identityValid(false));
    this.addSql(`revoke all on function renda_identity_valid(uuid, integer, uuid) from public;`);
    this.addSql(`grant execute on function renda_identity_valid(uuid, integer, uuid) to renda_app, renda_analyst;`);
    this.addSql(`drop function renda_identity_valid(uuid, integer, uuid, uuid);`);
  }
}
