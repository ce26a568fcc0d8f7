import { Migration } from '@mikro-orm/migrations';

/**
 * Deputies sign in: the `DEPUTY` role, bound to one deputy of the user's township (`app_user.deputy_id`),
 * and what such a user may see, in the database.
 *
 * A deputy's requests carry `renda.deputy_id`, and `renda_township()` is null for the DEPUTY role, so
 * every township policy written for the other roles (including those of tables added later with
 * `renda_tenant_table`) shows a deputy nothing. The `*_deputy_read` policies below open exactly: the own
 * deputy row (phone included), the own term, group and station, the township's row, the activities the
 * deputy takes part in and the own participation rows, the suggestions the deputy (co-)proposed and the
 * own proposer rows, the own duty reports. Other participants' names come from the function
 * `renda_activity_participant_names` (names only, never phones or other columns).
 *
 * Writes: a deputy inserts suggestions with itself as proposer and its own duty reports; a township
 * clerk creates DEPUTY users for its township's deputies (and reads them) without being a user admin.
 */
export class Migration20261206192034_deputy_role extends Migration {

  override name = 'Migration20261206192034_deputy_role';

  override up(): void | Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_role_check";`);
    this.addSql(`alter table "app_user" add constraint "app_user_role_check" check ("role" in ('TOWNSHIP_CLERK', 'TOWNSHIP_VIEWER', 'COUNTY_STAFF', 'ANALYST', 'COUNTY_ADMIN', 'DEPUTY'));`);
    this.addSql(`alter table "app_user" add "deputy_id" uuid null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_deputy_role_check" check ((role = 'DEPUTY') = (deputy_id is not null and township_id is not null));`);
    this.addSql(`alter table "app_user" add constraint "app_user_deputy_id_unique" unique ("deputy_id");`);
    this.addSql(`grant select ("deputy_id") on "app_user" to renda_analyst;`);

    // The deputy must be one of the user's township (auth may not reference deputy in the ORM, so the
    // rule is a trigger rather than a composite foreign key); security definer: it sees every deputy.
    this.addSql(`create function renda_user_deputy_check() returns trigger language plpgsql security definer set search_path = public as $$
    begin
      if new.deputy_id is not null and not exists (
        select 1 from deputy where id = new.deputy_id and township_id = new.township_id and county_id = new.county_id) then
        raise exception 'app_user.deputy_id must be a deputy of the user''s township' using errcode = '23503', constraint = 'app_user_deputy_id_foreign';
      end if;
      return new;
    end $$;`);
    this.addSql(`revoke all on function renda_user_deputy_check() from public;`);
    this.addSql(`create trigger "app_user_deputy_check" before insert or update of "deputy_id", "township_id", "county_id" on "app_user" for each row execute function renda_user_deputy_check();`);

    // Rebinding a user to another deputy ends its sessions, as a role or township change does.
    this.addSql(`create or replace function renda_bump_token_version() returns trigger language plpgsql as $$
    begin
      if new.password_hash is distinct from old.password_hash or new.role is distinct from old.role
         or new.township_id is distinct from old.township_id or new.county_id is distinct from old.county_id
         or new.active is distinct from old.active or new.deputy_id is distinct from old.deputy_id then
        new.token_version := old.token_version + 1;
      end if;
      return new;
    end $$;`);

    // A deputy has no township in the policies' sense, whatever the settings say: every township policy
    // of the other roles stays closed to it (apply-identity.ts also leaves the setting empty).
    this.addSql(`create or replace function renda_township() returns uuid language sql stable as $$
      select case when renda_role() = 'DEPUTY' then null else renda_setting_uuid('renda.township_id') end $$;`);
    // The caller's deputy: only ever set for the DEPUTY role.
    this.addSql(`create function renda_deputy() returns uuid language sql stable as $$
      select case when renda_role() = 'DEPUTY' then renda_setting_uuid('renda.deputy_id') end $$;`);
    // The caller's deputy row, its activities and suggestions, read past row-level security (a policy on
    // activity_participant cannot query activity_participant under its own policy).
    this.addSql(`create function renda_deputy_row() returns table (township_id uuid, county_id uuid, term_id uuid, group_id uuid, station_id uuid)
      language sql stable security definer set search_path = public as $$
      select township_id, county_id, term_id, group_id, station_id from deputy where id = renda_deputy() and county_id = renda_county() $$;`);
    this.addSql(`create function renda_deputy_activities() returns setof uuid language sql stable security definer set search_path = public as $$
      select activity_id from activity_participant where deputy_id = renda_deputy() and county_id = renda_county() $$;`);
    this.addSql(`create function renda_deputy_suggestions() returns setof uuid language sql stable security definer set search_path = public as $$
      select suggestion_id from suggestion_proposer where deputy_id = renda_deputy() and county_id = renda_county() $$;`);
    for (const fn of ['renda_deputy_row()', 'renda_deputy_activities()', 'renda_deputy_suggestions()']) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to renda_app, renda_analyst;`);
    }

    const deputyRead = (table: string, using: string) =>
      this.addSql(`create policy "${table}_deputy_read" on "${table}" for select using ((select renda_role()) = 'DEPUTY' and county_id = (select renda_county()) and ${using});`);
    deputyRead('deputy', `id = (select renda_deputy())`);
    deputyRead('term', `id = (select term_id from renda_deputy_row())`);
    deputyRead('deputy_group', `id = (select group_id from renda_deputy_row())`);
    deputyRead('station', `id = (select station_id from renda_deputy_row())`);
    deputyRead('township', `id = (select township_id from renda_deputy_row())`);
    deputyRead('activity', `id in (select renda_deputy_activities())`);
    deputyRead('activity_participant', `deputy_id = (select renda_deputy())`);
    deputyRead('suggestion', `id in (select renda_deputy_suggestions())`);
    deputyRead('suggestion_proposer', `deputy_id = (select renda_deputy())`);

    // A deputy submits a suggestion as its proposer (suggestion-write.service.ts inserts both rows in one
    // statement: the suggestion is visible to its deputy only once the proposer row exists).
    const deputyTownship = `(select renda_role()) = 'DEPUTY' and county_id = (select renda_county()) and township_id = (select township_id from renda_deputy_row())`;
    this.addSql(`create policy "suggestion_deputy_insert" on "suggestion" for insert with check (${deputyTownship} and state = 'SUBMITTED');`);
    this.addSql(`create policy "suggestion_proposer_deputy_insert" on "suggestion_proposer" for insert with check (${deputyTownship} and deputy_id = (select renda_deputy()));`);

    // The participants of activities, names only: for a deputy, of the activities it takes part in (the
    // deputy rows themselves stay hidden); for the other roles, what their activity_participant policy shows.
    this.addSql(`create function renda_activity_participant_names(p_activities uuid[]) returns table (activity_id uuid, deputy_id uuid, name text)
      language sql stable security definer set search_path = public as $$
      select p.activity_id, p.deputy_id, d.name::text
        from activity_participant p join deputy d on d.id = p.deputy_id
       where p.activity_id = any (p_activities) and p.county_id = renda_county()
         and case when renda_role() = 'DEPUTY' then p.activity_id in (select renda_deputy_activities())
                  else p.township_id = renda_township() or renda_is_county_reader() end
       order by p.activity_id, d.name, p.deputy_id $$;`);
    this.addSql(`revoke all on function renda_activity_participant_names(uuid[]) from public;`);
    this.addSql(`grant execute on function renda_activity_participant_names(uuid[]) to renda_app, renda_analyst;`);

    // A township clerk invites its deputies: creates and reads DEPUTY users of its own township.
    const clerkDeputyUser = `county_id = (select renda_county()) and township_id = (select renda_township()) and (select renda_role()) = 'TOWNSHIP_CLERK' and role = 'DEPUTY'`;
    this.addSql(`create policy "app_user_clerk_read" on "app_user" for select using (${clerkDeputyUser});`);
    this.addSql(`create policy "app_user_clerk_insert" on "app_user" for insert with check (${clerkDeputyUser});`);

    // Duties a deputy reports, pending the clerk's confirmation.
    this.addSql(`create table "duty_report" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "deputy_id" uuid not null, "kind" text not null, "occurred_on" date not null, "description" varchar(300) not null, "activity_id" uuid null, "state" text not null default 'PENDING', "decided_at" timestamptz null, "decision_note" varchar(300) null, "record_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "duty_report_updated_at_index" on "duty_report" ("updated_at");`);
    this.addSql(`create index "duty_report_township_id_state_created_at_id_index" on "duty_report" ("township_id", "state", "created_at", "id");`);
    this.addSql(`create index "duty_report_deputy_id_index" on "duty_report" ("deputy_id");`);
    this.addSql(`alter table "duty_report" add constraint "duty_report_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "duty_report" add constraint "duty_report_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "duty_report" add constraint "duty_report_deputy_id_foreign" foreign key ("deputy_id") references "deputy" ("id") on delete restrict;`);
    this.addSql(`alter table "duty_report" add constraint "duty_report_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on delete set null;`);
    this.addSql(`alter table "duty_report" add constraint "duty_report_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "duty_report" add constraint "duty_report_kind_check" check ("kind" in ('ACTIVITY', 'RECEPTION'));`);
    this.addSql(`alter table "duty_report" add constraint "duty_report_state_check" check ("state" in ('PENDING', 'CONFIRMED', 'REJECTED'));`);
    this.addSql(`select renda_tenant_table('duty_report', 'township');`);
    deputyRead('duty_report', `deputy_id = (select renda_deputy())`);
    this.addSql(`create policy "duty_report_deputy_insert" on "duty_report" for insert with check (${deputyTownship} and deputy_id = (select renda_deputy()) and state = 'PENDING' and record_id is null and decided_at is null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "duty_report" cascade;`);
    this.addSql(`drop policy if exists "app_user_clerk_insert" on "app_user";`);
    this.addSql(`drop policy if exists "app_user_clerk_read" on "app_user";`);
    this.addSql(`drop function if exists renda_activity_participant_names(uuid[]);`);
    this.addSql(`drop policy if exists "suggestion_proposer_deputy_insert" on "suggestion_proposer";`);
    this.addSql(`drop policy if exists "suggestion_deputy_insert" on "suggestion";`);
    for (const table of ['deputy', 'term', 'deputy_group', 'station', 'township', 'activity', 'activity_participant', 'suggestion', 'suggestion_proposer']) {
      this.addSql(`drop policy if exists "${table}_deputy_read" on "${table}";`);
    }
    this.addSql(`drop function if exists renda_deputy_suggestions();`);
    this.addSql(`drop function if exists renda_deputy_activities();`);
    this.addSql(`drop function if exists renda_deputy_row();`);
    this.addSql(`drop function if exists renda_deputy();`);
    this.addSql(`create or replace function renda_township() returns uuid language sql stable as $$ select renda_setting_uuid('renda.township_id') $$;`);
    this.addSql(`create or replace function renda_bump_token_version() returns trigger language plpgsql as $$
    begin
      if new.password_hash is distinct from old.password_hash or new.role is distinct from old.role
         or new.township_id is distinct from old.township_id or new.county_id is distinct from old.county_id
         or new.active is distinct from old.active then
        new.token_version := old.token_version + 1;
      end if;
      return new;
    end $$;`);
    this.addSql(`drop trigger if exists "app_user_deputy_check" on "app_user";`);
    this.addSql(`drop function if exists renda_user_deputy_check();`);
    this.addSql(`delete from "app_user" where role = 'DEPUTY';`);
    this.addSql(`alter table "app_user" drop column "deputy_id";`);
    this.addSql(`alter table "app_user" drop constraint "app_user_role_check";`);
    this.addSql(`alter table "app_user" add constraint "app_user_role_check" check ("role" in ('TOWNSHIP_CLERK', 'TOWNSHIP_VIEWER', 'COUNTY_STAFF', 'ANALYST', 'COUNTY_ADMIN'));`);
  }

}
