import { Migration } from '@mikro-orm/migrations';

export class Migration20261206134315_record_coverage extends Migration {

  override name = 'Migration20261206134315_record_coverage';

  override up(): void | Promise<void> {
    this.addSql(`create table "record_coverage" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "record_kind" text not null, "recorded_since" date not null, primary key ("id"));`);
    this.addSql(`create index "record_coverage_updated_at_index" on "record_coverage" ("updated_at");`);
    this.addSql(`create index "record_coverage_county_id_township_id_index" on "record_coverage" ("county_id", "township_id");`);
    this.addSql(`alter table "record_coverage" add constraint "record_coverage_township_id_record_kind_unique" unique ("township_id", "record_kind");`);

    this.addSql(`alter table "record_coverage" add constraint "record_coverage_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "record_coverage" add constraint "record_coverage_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "record_coverage" add constraint "record_coverage_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "record_coverage" add constraint "record_coverage_record_kind_check" check ("record_kind" in ('ACTIVITY', 'SUGGESTION', 'VOTER_CONTACT', 'ELECTION', 'CONGRESS_SESSION'));`);

    // Read like every tenant table; written by the township's clerk or by the county's admin (onboarding).
    const writer = `county_id = (select renda_county()) and ((township_id = (select renda_township()) and (select renda_role()) = 'TOWNSHIP_CLERK') or (select renda_role()) = 'COUNTY_ADMIN')`;
    this.addSql(`alter table "record_coverage" enable row level security;`);
    this.addSql(`alter table "record_coverage" force row level security;`);
    this.addSql(`create policy "record_coverage_read" on "record_coverage" for select using (county_id = (select renda_county()) and (township_id = (select renda_township()) or (select renda_is_county_reader())));`);
    this.addSql(`create policy "record_coverage_insert" on "record_coverage" for insert with check (${writer});`);
    this.addSql(`create policy "record_coverage_update" on "record_coverage" for update using (${writer}) with check (${writer});`);
    this.addSql(`create policy "record_coverage_delete" on "record_coverage" for delete using (${writer});`);
    this.addSql(`create trigger "record_coverage_audit" after insert or update or delete on "record_coverage" for each row execute function renda_audit();`);
    this.addSql(`grant select, insert, update, delete on "record_coverage" to renda_app;`);
    this.addSql(`grant select on "record_coverage" to renda_analyst;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "record_coverage" cascade;`);
  }

}
