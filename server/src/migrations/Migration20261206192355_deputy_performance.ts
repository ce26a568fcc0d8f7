import { Migration } from '@mikro-orm/migrations';

/**
 * Deputies' reports to voters with their evaluation (述职评议, a township's records) and the county's
 * versioned points schemes (履职积分方案). See server/README.md, "Deputies' archive and points".
 */
export class Migration20261206192355_deputy_performance extends Migration {

  override name = 'Migration20261206192355_deputy_performance';

  override up(): void | Promise<void> {
    this.addSql(`create table "deputy_report" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "deputy_id" uuid not null, "station_id" uuid null, "reported_on" date not null, "voters_present" int not null, "satisfied" int null, "basically_satisfied" int null, "dissatisfied" int null, "title" varchar(300) null, primary key ("id"));`);
    this.addSql(`create index "deputy_report_updated_at_index" on "deputy_report" ("updated_at");`);
    this.addSql(`create index "deputy_report_deputy_id_reported_on_index" on "deputy_report" ("deputy_id", "reported_on");`);
    this.addSql(`create index "deputy_report_county_id_reported_on_index" on "deputy_report" ("county_id", "reported_on");`);
    this.addSql(`alter table "deputy_report" add constraint "deputy_report_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "deputy_report" add constraint "deputy_report_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "deputy_report" add constraint "deputy_report_deputy_id_foreign" foreign key ("deputy_id") references "deputy" ("id") on delete restrict;`);
    this.addSql(`alter table "deputy_report" add constraint "deputy_report_station_id_foreign" foreign key ("station_id") references "station" ("id") on delete set null;`);
    this.addSql(`alter table "deputy_report" add constraint "deputy_report_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "deputy_report" add constraint "deputy_report_counts_check" check (voters_present >= 0 and satisfied >= 0 and basically_satisfied >= 0 and dissatisfied >= 0 and satisfied + basically_satisfied + dissatisfied <= voters_present);`);
    this.addSql(`alter table "deputy_report" add constraint "deputy_report_evaluation_whole_check" check ((satisfied is null) = (basically_satisfied is null) and (satisfied is null) = (dissatisfied is null));`);
    this.addSql(`select renda_tenant_table('deputy_report', 'township');`);

    this.addSql(`create table "performance_scheme" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" uuid not null, "year" smallint not null, "version" smallint not null, "rules" jsonb not null, "year_cap" int null, "revision_reason" text null, primary key ("id"));`);
    this.addSql(`create index "performance_scheme_updated_at_index" on "performance_scheme" ("updated_at");`);
    this.addSql(`alter table "performance_scheme" add constraint "performance_scheme_county_id_year_version_unique" unique ("county_id", "year", "version");`);
    this.addSql(`alter table "performance_scheme" add constraint "performance_scheme_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "performance_scheme" add constraint "performance_scheme_version_check" check (version >= 1);`);
    // Read by the county's users, written by its staff and admins (the API lets only admins save).
    this.addSql(`select renda_tenant_table('performance_scheme', 'county');`);
    // A version is never changed once written: results computed with it stay reproducible.
    this.addSql(`revoke update on "performance_scheme" from renda_app;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "performance_scheme" cascade;`);
    this.addSql(`drop table if exists "deputy_report" cascade;`);
  }

}
