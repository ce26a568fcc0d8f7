import { Migration } from '@mikro-orm/migrations';

export class Migration20261206192802_report_events_and_notifications extends Migration {

  override name = 'Migration20261206192802_report_events_and_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create table "quarterly_report_review_action" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "report_id" uuid not null, "outcome" text not null, "reason" text null, "reviewed_by" uuid not null, "reviewed_at" timestamptz not null, "version" int not null, primary key ("id"));`);
    this.addSql(`create index "quarterly_report_review_action_updated_at_index" on "quarterly_report_review_action" ("updated_at");`);
    this.addSql(`create index "quarterly_report_review_action_report_id_reviewed_at_index" on "quarterly_report_review_action" ("report_id", "reviewed_at");`);

    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "kind" text not null, "year" smallint not null, "quarter" smallint not null, "report_id" uuid null, "reason" text null, "due_at" timestamptz null, "sent_by" uuid not null, "read_at" timestamptz null, "read_by" uuid null, primary key ("id"));`);
    this.addSql(`create index "notification_updated_at_index" on "notification" ("updated_at");`);
    this.addSql(`create index "notification_township_id_kind_year_quarter_created_at_index" on "notification" ("township_id", "kind", "year", "quarter", "created_at");`);
    this.addSql(`create index "notification_township_id_created_at_index" on "notification" ("township_id", "created_at");`);

    this.addSql(`alter table "quarterly_report_review_action" add constraint "quarterly_report_review_action_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "quarterly_report_review_action" add constraint "quarterly_report_review_action_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "quarterly_report_review_action" add constraint "quarterly_report_review_action_report_id_foreign" foreign key ("report_id") references "quarterly_report" ("id") on delete cascade;`);
    this.addSql(`alter table "quarterly_report_review_action" add constraint "quarterly_report_review_action_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "quarterly_report_review_action" add constraint "quarterly_report_review_action_outcome_check" check ("outcome" in ('ACCEPTED', 'RETURNED'));`);

    this.addSql(`alter table "notification" add constraint "notification_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "notification" add constraint "notification_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "notification" add constraint "notification_quarter_check" check (quarter >= 1 and quarter <= 4);`);
    this.addSql(`alter table "notification" add constraint "notification_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "notification" add constraint "notification_kind_check" check ("kind" in ('REPORT_REMINDER', 'REPORT_RETURNED'));`);

    // Review actions: read like their report; inserted by county staff only. The function's insert policy
    // admits the clerk, so a restrictive policy (ANDed with every permissive one) narrows inserts to staff,
    // and a permissive one admits them: a clerk cannot forge an acceptance.
    this.addSql(`select renda_tenant_table('quarterly_report_review_action', 'township_append_only');`);
    this.addSql(`create policy "quarterly_report_review_action_staff_insert" on "quarterly_report_review_action" for insert with check (county_id = (select renda_county()) and (select renda_role()) = 'COUNTY_STAFF');`);
    this.addSql(`create policy "quarterly_report_review_action_staff_only" on "quarterly_report_review_action" as restrictive for insert with check ((select renda_role()) = 'COUNTY_STAFF');`);
    this.addSql(`insert into "quarterly_report_review_action" ("id", "township_id", "county_id", "provenance", "report_id", "outcome", "reason", "reviewed_by", "reviewed_at", "version") select gen_random_uuid(), township_id, county_id, 'RECORDED', id, state, return_reason, reviewed_by, reviewed_at, version from "quarterly_report" where state in ('ACCEPTED', 'RETURNED') and reviewed_by is not null and reviewed_at is not null;`);

    // Notifications: the township reads its own (the county's readers read the county's), its clerk marks
    // them read (update); only county staff send them (insert), as for review actions.
    this.addSql(`select renda_tenant_table('notification', 'township');`);
    this.addSql(`create policy "notification_staff_insert" on "notification" for insert with check (county_id = (select renda_county()) and (select renda_role()) = 'COUNTY_STAFF');`);
    this.addSql(`create policy "notification_staff_only" on "notification" as restrictive for insert with check ((select renda_role()) = 'COUNTY_STAFF');`);

    // Display names behind the ids stamped on rows (submitted_by, reviewed_by, sent_by): app_user is readable
    // only by its owner and the county admin, so this hands out names alone, of the caller's county only.
    this.addSql(`create function renda_actor_names(ids uuid[]) returns table (id uuid, display_name text, api_token boolean) language sql stable security definer set search_path = public as $$
      select u.id, u.display_name::text, false from app_user u where u.id = any (ids) and u.county_id = renda_county()
      union all
      select t.id, t.name::text, true from api_token t where t.id = any (ids) and t.county_id = renda_county()
    $$;`);
    this.addSql(`revoke all on function renda_actor_names(uuid[]) from public;`);
    this.addSql(`grant execute on function renda_actor_names(uuid[]) to renda_app;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists renda_actor_names(uuid[]);`);
    this.addSql(`drop table if exists "notification" cascade;`);
    this.addSql(`drop table if exists "quarterly_report_review_action" cascade;`);
  }

}
