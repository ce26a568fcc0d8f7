import type { AppConfig } from '../config/app-config.js';
import type { Logger } from '../common/logging/logger.js';
import type { OpenDatabase } from '../database/open-database.js';
import { createOrm } from '../database/create-orm.js';
import { seedIfEmpty } from '../seed/seed-database.js';
import pg from 'pg';
import { distributeByCounty } from '../database/citus/distribute.js';
import { sslOptionsFromUrl } from '../database/ssl-options.js';

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
    await distributeAfterMigrations(database.ownerUrl);
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

/**
 * On a Citus coordinator, after the migrations' transaction: distributes what the migration
 * distribute_by_county had to leave (a new database migrated in one transaction) and finishes what no
 * transaction that placed tables can do (functions on the workers, column grants on the shards). One
 * connection, statement by statement; nothing happens on plain PostgreSQL.
 */
async function distributeAfterMigrations(ownerUrl: string): Promise<void> {
  const ssl = sslOptionsFromUrl(ownerUrl);
  const url = new URL(ownerUrl);
  url.search = ''; // sslmode and sslrootcert are honoured through `ssl` (ssl-options.ts)
  const client = new pg.Client({ connectionString: url.toString(), ...(ssl ? { ssl } : {}) });
  await client.connect();
  try {
    await distributeByCounty(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}
