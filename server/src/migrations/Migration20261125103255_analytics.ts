import { Migration } from '@mikro-orm/migrations';

export class Migration20261125103255_analytics extends Migration {

  override name = 'Migration20261125103255_analytics';

  override up(): void | Promise<void> {
    this.addSql(`create table "saved_query" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" uuid not null, "owner_id" uuid not null, "name" varchar(100) not null, "query" text not null, "variables" jsonb null, primary key ("id"));`);
    this.addSql(`create index "saved_query_updated_at_index" on "saved_query" ("updated_at");`);
    this.addSql(`alter table "saved_query" add constraint "saved_query_county_id_name_unique" unique ("county_id", "name");`);

    this.addSql(`alter table "saved_query" add constraint "saved_query_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);

    // Shared within the county; only the owner changes a saved query.
    this.addSql(`alter table "saved_query" enable row level security;`);
    this.addSql(`alter table "saved_query" force row level security;`);
    this.addSql(`create policy "saved_query_read" on "saved_query" for select using (county_id = (select renda_county()) and (select renda_is_county_reader()));`);
    this.addSql(`create policy "saved_query_insert" on "saved_query" for insert with check (county_id = (select renda_county()) and owner_id = (select renda_user()) and (select renda_is_county_reader()));`);
    this.addSql(`create policy "saved_query_update" on "saved_query" for update using (county_id = (select renda_county()) and owner_id = (select renda_user()) and (select renda_is_county_reader())) with check (county_id = (select renda_county()) and owner_id = (select renda_user()) and (select renda_is_county_reader()));`);
    this.addSql(`create policy "saved_query_delete" on "saved_query" for delete using (county_id = (select renda_county()) and owner_id = (select renda_user()) and (select renda_is_county_reader()));`);
    this.addSql(`create trigger "saved_query_audit" after insert or update or delete on "saved_query" for each row execute function renda_audit();`);
    this.addSql(`grant select, insert, update, delete on "saved_query" to renda_app;`);
    this.addSql(`grant select, insert, update, delete on "saved_query" to renda_analyst;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "saved_query" cascade;`);
  }

}
