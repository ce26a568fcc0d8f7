import { Migration } from '@mikro-orm/migrations';
import { distributeByCounty, hasCitus } from '../database/citus/distribute.js';

/**
 * Renda distributed by county on a Citus coordinator (issue #20); on plain PostgreSQL only the no-op
 * `renda_share_settings()` is added, and the schema stays exactly as it was.
 *
 * `renda_share_settings()` is the identity statement's last column (tenancy/apply-identity.ts) and follows
 * every other `set_config` of an identity: on one server it does nothing (a SQL function PostgreSQL
 * inlines); on a cluster `distributeByCounty` replaces it by the function that hands the settings to the
 * workers (database/citus/citus-functions.ts).
 *
 * With the `citus` extension, `distributeByCounty` runs inside the migrations' one transaction
 * (`allOrNothing`) when the tables existed before it (an upgrade): Citus accepts `create_distributed_table`
 * in a transaction block once `citus.multi_shard_modify_mode` is sequential, which it sets. A new
 * database, whose tables this same transaction created, is distributed by prepare-database.ts right after
 * the commit, statement by statement, which also does what no transaction that placed tables can
 * (functions on the workers, column grants on the shards). A database that gets the extension after this
 * migration ran is distributed by calling `distributeByCounty` itself (the test cluster, the bench): it is
 * idempotent.
 */
export class Migration20261207075612_distribute_by_county extends Migration {

  override name = 'Migration20261207075612_distribute_by_county';

  override async up(): Promise<void> {
    await this.execute(`create function renda_share_settings() returns boolean language sql volatile as $fn$ select true $fn$;`);
    // A new database migrated in one go created its tables in this very transaction: Citus cannot
    // distribute those in it (it creates their sequences on the workers over connections that do not see
    // them yet), so prepare-database.ts distributes right after the commit instead.
    const [fresh] = await this.execute(
      `select exists (select 1 from mikro_orm_migrations where name = 'Migration20261125095226_initial' and executed_at = transaction_timestamp()) as fresh`,
    );
    if (fresh?.['fresh'] !== true) await distributeByCounty((sql) => this.execute(sql));
  }

  override async down(): Promise<void> {
    if (await hasCitus((sql) => this.execute(sql))) {
      // Undistributing (undistribute_table, table by table, foreign keys dropped first) is an operator's
      // decision with a backup at hand, not a migration step.
      throw new Error('Migration20261207075612_distribute_by_county: a distributed database is not undistributed by a migration');
    }
    await this.execute(`drop function renda_share_settings();`);
  }

}
