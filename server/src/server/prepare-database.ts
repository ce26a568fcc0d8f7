import type { AppConfig } from '../config/app-config.js';
import type { Logger } from '../common/logging/logger.js';
import type { OpenDatabase } from '../database/open-database.js';
import { createOrm } from '../database/create-orm.js';
import { seedIfEmpty } from '../seed/seed-database.js';
import { grantColumnsOnShards, hasCitus } from '../database/citus/distribute.js';

export interface PreparedDatabase {
  /** The migrations this call applied, oldest first. */
  migrations: string[];
  /** Rows of demonstration data loaded (0: the database held a county, or seeding is off). */
  seededRows: number;
}

/**
 * As the owner: migrate, seed when empty, and refuse production while demo accounts are active. Run at
 * start-up by default, or once per rollout by the migration job (`node dist/cli/migrate-command.js`).
 */
export async function prepareDatabase(
  config: AppConfig,
  database: Pick<OpenDatabase, 'ownerUrl'>,
  logger: Logger,
): Promise<PreparedDatabase> {
  const owner = await createOrm({ clientUrl: database.ownerUrl, poolMax: 2 });
  try {
    const migrated = await owner.migrator.up();
    // On a Citus coordinator: the column grants the migrations' transaction could not put on new shards.
    const run = (sql: string) => owner.em.fork().execute<unknown[]>(sql);
    if (await hasCitus(run)) await grantColumnsOnShards(run);
    let seededRows = 0;
    if (migrated.length > 0) logger.info('migrations applied', { migrations: migrated.map((m) => m.name) });
    if (config.seedWhenEmpty) {
      seededRows = await seedIfEmpty(owner);
      if (seededRows > 0) logger.info('seed data loaded', { rows: seededRows });
    }
    if (config.production) {
      const [row] = await owner.em
        .fork()
        .execute<{ n: string }[]>('select count(*) as n from app_user where demo_credentials and active');
      if (Number(row?.n ?? 0) > 0) {
        throw new Error(
          'refusing to start in production with active demo accounts: deactivate them or change their passwords',
        );
      }
    }
    return { migrations: migrated.map((m) => m.name), seededRows };
  } finally {
    await owner.close();
  }
}
