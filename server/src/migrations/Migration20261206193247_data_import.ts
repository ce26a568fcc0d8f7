import { Migration } from '@mikro-orm/migrations';

/** One row per committed import (file name, SHA-256, who, row counts per sheet); its insert is audited. */
export class Migration20261206193247_data_import extends Migration {

  override name = 'Migration20261206193247_data_import';

  override up(): void | Promise<void> {
    this.addSql(`create table "data_import" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "file_name" varchar(255) not null, "file_sha256" varchar(64) not null, "imported_by" uuid not null, "row_count" int not null, "created_count" int not null, "unchanged_count" int not null, "sheets" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "data_import_updated_at_index" on "data_import" ("updated_at");`);
    this.addSql(`create index "data_import_township_id_created_at_index" on "data_import" ("township_id", "created_at");`);
    this.addSql(`alter table "data_import" add constraint "data_import_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "data_import" add constraint "data_import_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "data_import" add constraint "data_import_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`select renda_tenant_table('data_import', 'township');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "data_import" cascade;`);
  }

}
