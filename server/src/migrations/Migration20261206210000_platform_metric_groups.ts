import { Migration } from '@mikro-orm/migrations';
import { placePlatformMetricsSql } from './Migration20261206192041_metric_groups.js';

/**
 * The form's sections for the platform catalog rows that Migration20261206193145_platform_metric_catalog
 * inserts: it runs after the migration that added the sections (whose update found no platform rows in
 * a database that was never seeded), so the same placement is applied again here. Rows already placed
 * get the same values.
 */
export class Migration20261206210000_platform_metric_groups extends Migration {
  override name = 'Migration20261206210000_platform_metric_groups';

  override up(): void | Promise<void> {
    this.addSql(placePlatformMetricsSql());
  }

  override down(): void | Promise<void> {
    // The sections stay: the earlier migration's down drops the columns themselves.
  }
}
