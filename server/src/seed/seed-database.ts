import type { MikroORM } from '@mikro-orm/postgresql';
import { buildSeedDataset } from '@renda/seeds';
import { County } from '../modules/county/county.entity.js';
import { loadSeedDataset } from './load-seed-dataset.js';
import { seedDemoUsers } from './seed-demo-users.js';
import { seedRecordCoverage } from './seed-record-coverage.js';
import { seedPerformance } from './seed-performance.js';

/** Runs as the owner role (row-level security does not apply to it), in one transaction. */
async function load(orm: MikroORM, truncateFirst: boolean): Promise<number> {
  return orm.em.fork().transactional(async (tx) => {
    if (truncateFirst) {
      const tables = [...orm.getMetadata()]
        .filter((meta) => !meta.abstract && !meta.embeddable)
        .map((meta) => `"${meta.tableName}"`);
      // The national holiday calendar and the platform metric catalog are reference data migrations
      // inserted: they survive re-seeding (the truncate would otherwise empty them through their foreign
      // keys to county).
      await tx.execute(
        'create temporary table national_calendar on commit drop as select * from calendar_day where county_id is null',
      );
      await tx.execute(
        'create temporary table platform_metrics on commit drop as select * from metric_definition where county_id is null',
      );
      await tx.execute(`truncate ${tables.join(', ')} restart identity cascade`);
      await tx.execute('insert into calendar_day select * from national_calendar');
      await tx.execute('insert into metric_definition select * from platform_metrics');
    }
    const { rows } = await loadSeedDataset(tx, buildSeedDataset());
    return rows + (await seedRecordCoverage(tx)) + (await seedPerformance(tx)) + (await seedDemoUsers(tx));
  });
}

/**
 * Loads the demonstration county (five townships' data and the demo accounts) when the database holds no
 * county yet. Reference data (metric catalog, national calendar) comes from the migrations, not from here.
 */
export async function seedIfEmpty(orm: MikroORM): Promise<number> {
  if ((await orm.em.fork().count(County, {})) > 0) return 0;
  return load(orm, false);
}

/** Empties every table (audit log included) and loads the seed data again. */
export function reseed(orm: MikroORM): Promise<number> {
  return load(orm, true);
}
