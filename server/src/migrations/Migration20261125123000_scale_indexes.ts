import { Migration } from '@mikro-orm/migrations';

/** Indexes leading with county_id, so a county's comparison reads its own rows at any national size. */
export class Migration20261125123000_scale_indexes extends Migration {

  override name = 'Migration20261125123000_scale_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "quarterly_report_county_id_year_quarter_index" on "quarterly_report" ("county_id", "year", "quarter");`);
    this.addSql(`create index "voter_contact_county_id_received_on_index" on "voter_contact" ("county_id", "received_on");`);
    this.addSql(`create index "election_county_id_held_on_index" on "election" ("county_id", "held_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "election_county_id_held_on_index";`);
    this.addSql(`drop index if exists "voter_contact_county_id_received_on_index";`);
    this.addSql(`drop index if exists "quarterly_report_county_id_year_quarter_index";`);
  }

}
