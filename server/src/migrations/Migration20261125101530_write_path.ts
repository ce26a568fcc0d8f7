import { Migration } from '@mikro-orm/migrations';

export class Migration20261125101530_write_path extends Migration {

  override name = 'Migration20261125101530_write_path';

  override up(): void | Promise<void> {
    this.addSql(`create table "calendar_day" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" uuid null, "day" date not null, "kind" text not null, "name" varchar(50) not null, primary key ("id"));`);
    this.addSql(`create index "calendar_day_updated_at_index" on "calendar_day" ("updated_at");`);
    this.addSql(`create unique index "calendar_day_scope_day_unique" on "calendar_day" (coalesce("county_id", '00000000-0000-0000-0000-000000000000'::uuid), "day");`);

    this.addSql(`create table "reporting_deadline" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" uuid not null, "year" smallint not null, "quarter" smallint not null, "due_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "reporting_deadline_updated_at_index" on "reporting_deadline" ("updated_at");`);
    this.addSql(`alter table "reporting_deadline" add constraint "reporting_deadline_county_id_year_quarter_unique" unique ("county_id", "year", "quarter");`);

    this.addSql(`create table "quarterly_report_revision" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "report_id" uuid not null, "revision" int not null, "submitted_at" timestamptz not null, "submitted_by" uuid not null, "idempotency_key" varchar(100) not null, "late" boolean not null, "correction_reason" text null, "values" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "quarterly_report_revision_updated_at_index" on "quarterly_report_revision" ("updated_at");`);
    this.addSql(`alter table "quarterly_report_revision" add constraint "quarterly_report_revision_township_id_idempotency_key_unique" unique ("township_id", "idempotency_key");`);
    this.addSql(`alter table "quarterly_report_revision" add constraint "quarterly_report_revision_report_id_revision_unique" unique ("report_id", "revision");`);

    this.addSql(`alter table "station" add "retired_on" date null;`);

    this.addSql(`alter table "quarterly_report" add "late" boolean not null default false, add "revision" int not null default 0, add "return_reason" text null, add "reviewed_at" timestamptz null, add "reviewed_by" uuid null;`);

    this.addSql(`alter table "deputy_group" add "retired_on" date null;`);

    this.addSql(`alter table "deputy" add "status_changed_on" date null;`);
    // Analysts read deputies column by column (no PII): every new non-PII column is granted here.
    this.addSql(`grant select ("status_changed_on") on "deputy" to renda_analyst;`);

    this.addSql(`alter table "suggestion" add "return_reason" text null;`);

    this.addSql(`alter table "calendar_day" add constraint "calendar_day_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "calendar_day" add constraint "calendar_day_kind_check" check ("kind" in ('HOLIDAY', 'WORKDAY'));`);

    this.addSql(`alter table "reporting_deadline" add constraint "reporting_deadline_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "reporting_deadline" add constraint "reporting_deadline_quarter_check" check (quarter >= 1 and quarter <= 4);`);

    this.addSql(`alter table "quarterly_report_revision" add constraint "quarterly_report_revision_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "quarterly_report_revision" add constraint "quarterly_report_revision_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "quarterly_report_revision" add constraint "quarterly_report_revision_report_id_foreign" foreign key ("report_id") references "quarterly_report" ("id") on delete cascade;`);
    this.addSql(`alter table "quarterly_report_revision" add constraint "quarterly_report_revision_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`-- The audit trigger reads columns through jsonb so tables without a township (deadlines, calendar) work too.
    create or replace function renda_audit() returns trigger language plpgsql security definer set search_path = public as $$
    declare
      r jsonb;
    begin
      if tg_op = 'DELETE' then r := to_jsonb(old); else r := to_jsonb(new); end if;
      insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
      values (renda_user(), renda_role(), (r->>'county_id')::uuid, (r->>'township_id')::uuid, tg_table_name, (r->>'id')::uuid, tg_op,
        case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - 'password_hash' end,
        case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - 'password_hash' end);
      return null;
    end $$;`);
    this.addSql(`alter table "quarterly_report_revision" enable row level security;`);
    this.addSql(`alter table "quarterly_report_revision" force row level security;`);
    this.addSql(`create policy "quarterly_report_revision_read" on "quarterly_report_revision" for select using (county_id = (select renda_county()) and (township_id = (select renda_township()) or (select renda_is_county_reader())));`);
    this.addSql(`create policy "quarterly_report_revision_insert" on "quarterly_report_revision" for insert with check (county_id = (select renda_county()) and township_id = (select renda_township()) and (select renda_role()) = 'TOWNSHIP_CLERK');`);
    this.addSql(`create trigger "quarterly_report_revision_audit" after insert or update or delete on "quarterly_report_revision" for each row execute function renda_audit();`);
    this.addSql(`grant select, insert on "quarterly_report_revision" to renda_app;`);
    this.addSql(`grant select on "quarterly_report_revision" to renda_analyst;`);
    this.addSql(`create policy "quarterly_report_review" on "quarterly_report" for update using (county_id = (select renda_county()) and (select renda_role()) = 'COUNTY_STAFF') with check (county_id = (select renda_county()) and (select renda_role()) = 'COUNTY_STAFF');`);
    this.addSql(`-- County staff may change a report's review state only, never its figures or owner.
    create function renda_guard_report_review() returns trigger language plpgsql as $$
    declare
      review text[] := array['state', 'version', 'return_reason', 'reviewed_at', 'reviewed_by', 'updated_at'];
    begin
      if renda_role() = 'COUNTY_STAFF' and (to_jsonb(new) - review) is distinct from (to_jsonb(old) - review) then
        raise exception 'county staff may only accept or return a report' using errcode = '42501';
      end if;
      return new;
    end $$;`);
    this.addSql(`create trigger "quarterly_report_review_guard" before update on "quarterly_report" for each row execute function renda_guard_report_review();`);
    this.addSql(`alter table "reporting_deadline" enable row level security;`);
    this.addSql(`alter table "reporting_deadline" force row level security;`);
    this.addSql(`create policy "reporting_deadline_read" on "reporting_deadline" for select using (county_id = (select renda_county()));`);
    this.addSql(`create policy "reporting_deadline_insert" on "reporting_deadline" for insert with check (county_id = (select renda_county()) and (select renda_role()) in ('COUNTY_STAFF', 'COUNTY_ADMIN'));`);
    this.addSql(`create policy "reporting_deadline_update" on "reporting_deadline" for update using (county_id = (select renda_county()) and (select renda_role()) in ('COUNTY_STAFF', 'COUNTY_ADMIN')) with check (county_id = (select renda_county()) and (select renda_role()) in ('COUNTY_STAFF', 'COUNTY_ADMIN'));`);
    this.addSql(`create policy "reporting_deadline_delete" on "reporting_deadline" for delete using (county_id = (select renda_county()) and (select renda_role()) in ('COUNTY_STAFF', 'COUNTY_ADMIN'));`);
    this.addSql(`create trigger "reporting_deadline_audit" after insert or update or delete on "reporting_deadline" for each row execute function renda_audit();`);
    this.addSql(`grant select, insert, update, delete on "reporting_deadline" to renda_app;`);
    this.addSql(`grant select on "reporting_deadline" to renda_analyst;`);
    this.addSql(`alter table "calendar_day" enable row level security;`);
    this.addSql(`alter table "calendar_day" force row level security;`);
    this.addSql(`create policy "calendar_day_read" on "calendar_day" for select using ((select renda_role()) is not null and (county_id is null or county_id = (select renda_county())));`);
    this.addSql(`create policy "calendar_day_insert" on "calendar_day" for insert with check (county_id = (select renda_county()) and (select renda_role()) in ('COUNTY_ADMIN'));`);
    this.addSql(`create policy "calendar_day_update" on "calendar_day" for update using (county_id = (select renda_county()) and (select renda_role()) in ('COUNTY_ADMIN')) with check (county_id = (select renda_county()) and (select renda_role()) in ('COUNTY_ADMIN'));`);
    this.addSql(`create policy "calendar_day_delete" on "calendar_day" for delete using (county_id = (select renda_county()) and (select renda_role()) in ('COUNTY_ADMIN'));`);
    this.addSql(`create trigger "calendar_day_audit" after insert or update or delete on "calendar_day" for each row execute function renda_audit();`);
    this.addSql(`grant select, insert, update, delete on "calendar_day" to renda_app;`);
    this.addSql(`grant select on "calendar_day" to renda_analyst;`);
    this.addSql(`-- National calendar (国务院办公厅节假日安排) for 2021, 2025 and 2026; admins extend it.
    insert into calendar_day (id, day, kind, name) values
      (gen_random_uuid(), '2021-01-01', 'HOLIDAY', '元旦'),
      (gen_random_uuid(), '2021-02-11', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2021-02-12', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2021-02-15', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2021-02-16', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2021-02-17', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2021-04-05', 'HOLIDAY', '清明节'),
      (gen_random_uuid(), '2021-05-03', 'HOLIDAY', '劳动节'),
      (gen_random_uuid(), '2021-05-04', 'HOLIDAY', '劳动节'),
      (gen_random_uuid(), '2021-05-05', 'HOLIDAY', '劳动节'),
      (gen_random_uuid(), '2021-06-14', 'HOLIDAY', '端午节'),
      (gen_random_uuid(), '2021-09-20', 'HOLIDAY', '中秋节'),
      (gen_random_uuid(), '2021-09-21', 'HOLIDAY', '中秋节'),
      (gen_random_uuid(), '2021-10-01', 'HOLIDAY', '国庆节'),
      (gen_random_uuid(), '2021-10-04', 'HOLIDAY', '国庆节'),
      (gen_random_uuid(), '2021-10-05', 'HOLIDAY', '国庆节'),
      (gen_random_uuid(), '2021-10-06', 'HOLIDAY', '国庆节'),
      (gen_random_uuid(), '2021-10-07', 'HOLIDAY', '国庆节'),
      (gen_random_uuid(), '2021-02-07', 'WORKDAY', '春节调休'),
      (gen_random_uuid(), '2021-02-20', 'WORKDAY', '春节调休'),
      (gen_random_uuid(), '2021-04-25', 'WORKDAY', '劳动节调休'),
      (gen_random_uuid(), '2021-05-08', 'WORKDAY', '劳动节调休'),
      (gen_random_uuid(), '2021-09-18', 'WORKDAY', '中秋节调休'),
      (gen_random_uuid(), '2021-09-26', 'WORKDAY', '国庆节调休'),
      (gen_random_uuid(), '2021-10-09', 'WORKDAY', '国庆节调休'),
      (gen_random_uuid(), '2025-01-01', 'HOLIDAY', '元旦'),
      (gen_random_uuid(), '2025-01-28', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2025-01-29', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2025-01-30', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2025-01-31', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2025-02-03', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2025-02-04', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2025-04-04', 'HOLIDAY', '清明节'),
      (gen_random_uuid(), '2025-05-01', 'HOLIDAY', '劳动节'),
      (gen_random_uuid(), '2025-05-02', 'HOLIDAY', '劳动节'),
      (gen_random_uuid(), '2025-05-05', 'HOLIDAY', '劳动节'),
      (gen_random_uuid(), '2025-06-02', 'HOLIDAY', '端午节'),
      (gen_random_uuid(), '2025-10-01', 'HOLIDAY', '国庆节、中秋节'),
      (gen_random_uuid(), '2025-10-02', 'HOLIDAY', '国庆节、中秋节'),
      (gen_random_uuid(), '2025-10-03', 'HOLIDAY', '国庆节、中秋节'),
      (gen_random_uuid(), '2025-10-06', 'HOLIDAY', '国庆节、中秋节'),
      (gen_random_uuid(), '2025-10-07', 'HOLIDAY', '国庆节、中秋节'),
      (gen_random_uuid(), '2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
      (gen_random_uuid(), '2025-01-26', 'WORKDAY', '春节调休'),
      (gen_random_uuid(), '2025-02-08', 'WORKDAY', '春节调休'),
      (gen_random_uuid(), '2025-04-27', 'WORKDAY', '劳动节调休'),
      (gen_random_uuid(), '2025-09-28', 'WORKDAY', '国庆节调休'),
      (gen_random_uuid(), '2025-10-11', 'WORKDAY', '国庆节调休'),
      (gen_random_uuid(), '2026-01-01', 'HOLIDAY', '元旦'),
      (gen_random_uuid(), '2026-01-02', 'HOLIDAY', '元旦'),
      (gen_random_uuid(), '2026-02-16', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2026-02-17', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2026-02-18', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2026-02-19', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2026-02-20', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2026-02-23', 'HOLIDAY', '春节'),
      (gen_random_uuid(), '2026-04-06', 'HOLIDAY', '清明节'),
      (gen_random_uuid(), '2026-05-01', 'HOLIDAY', '劳动节'),
      (gen_random_uuid(), '2026-05-04', 'HOLIDAY', '劳动节'),
      (gen_random_uuid(), '2026-05-05', 'HOLIDAY', '劳动节'),
      (gen_random_uuid(), '2026-06-19', 'HOLIDAY', '端午节'),
      (gen_random_uuid(), '2026-09-25', 'HOLIDAY', '中秋节'),
      (gen_random_uuid(), '2026-10-01', 'HOLIDAY', '国庆节'),
      (gen_random_uuid(), '2026-10-02', 'HOLIDAY', '国庆节'),
      (gen_random_uuid(), '2026-10-05', 'HOLIDAY', '国庆节'),
      (gen_random_uuid(), '2026-10-06', 'HOLIDAY', '国庆节'),
      (gen_random_uuid(), '2026-10-07', 'HOLIDAY', '国庆节'),
      (gen_random_uuid(), '2026-01-04', 'WORKDAY', '元旦调休'),
      (gen_random_uuid(), '2026-02-14', 'WORKDAY', '春节调休'),
      (gen_random_uuid(), '2026-02-28', 'WORKDAY', '春节调休'),
      (gen_random_uuid(), '2026-05-09', 'WORKDAY', '劳动节调休'),
      (gen_random_uuid(), '2026-09-20', 'WORKDAY', '国庆节调休'),
      (gen_random_uuid(), '2026-10-10', 'WORKDAY', '国庆节调休');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "quarterly_report_review_guard" on "quarterly_report";`);
    this.addSql(`drop function if exists renda_guard_report_review();`);
    this.addSql(`drop policy if exists "quarterly_report_review" on "quarterly_report";`);
    this.addSql(`drop table if exists "calendar_day" cascade;`);
    this.addSql(`drop table if exists "reporting_deadline" cascade;`);
    this.addSql(`drop table if exists "quarterly_report_revision" cascade;`);
    this.addSql(`alter table "station" drop column "retired_on";`);
    this.addSql(`alter table "quarterly_report" drop column "late", drop column "revision", drop column "return_reason", drop column "reviewed_at", drop column "reviewed_by";`);
    this.addSql(`alter table "deputy_group" drop column "retired_on";`);
    this.addSql(`alter table "deputy" drop column "status_changed_on";`);
    this.addSql(`alter table "suggestion" drop column "return_reason";`);
  }

}
