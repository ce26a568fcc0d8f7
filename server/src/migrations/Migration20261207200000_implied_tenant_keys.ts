import { Migration } from '@mikro-orm/migrations';

/**
 * A quarterly report's values and revisions lose their own foreign keys to township and county (issue #19,
 * a cheaper write path). Each row already references its report through `(county_id, township_id,
 * report_id)` (migration shard_keys), so the report row it names has the same county and township, and
 * that row references its township and county itself: the two keys checked again, for each of a
 * submission's ~21 value rows and its revision, what the report's key guarantees. A township or county is
 * still not deleted while a report names it, and a value or revision row still cannot name another
 * township's report. The entities say so (`TenancyImpliedByParent`, tenancy/tenant-entity.ts).
 *
 * Measured with pgbench replaying a submission's statements as a clerk (national tier): 1.97-2.11 ms
 * per submission with the keys, 1.80-1.92 without.
 */
const TABLES = ['quarterly_report_value', 'quarterly_report_revision'] as const;

export class Migration20261207200000_implied_tenant_keys extends Migration {
  override name = 'Migration20261207200000_implied_tenant_keys';

  override up(): void | Promise<void> {
    for (const table of TABLES) {
      this.addSql(
        `alter table "${table}" drop constraint "${table}_county_id_foreign", drop constraint "${table}_township_id_foreign";`,
      );
    }
  }

  override down(): void | Promise<void> {
    for (const table of TABLES) {
      this.addSql(
        `alter table "${table}" add constraint "${table}_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict, ` +
          `add constraint "${table}_township_id_foreign" foreign key ("county_id", "township_id") references "township" ("county_id", "id") on delete restrict;`,
      );
    }
  }
}
