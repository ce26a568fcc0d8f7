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
      // The national holiday calendar is reference data a migration inserted: it survives re-seeding
      // (the truncate would otherwise empty it through its foreign key to county).
      await tx.execute(
        'create temporary table national_calendar on commit drop as select * from calendar_day where county_id is null',
      );
      await tx.execute(`truncate ${tables.join(', ')} restart identity cascade`);
      await tx.execute('insert into calendar_day select * from national_calendar');
    }
    const { rows } = await loadSeedDataset(tx, buildSeedDataset());
    return rows + (await seedRecordCoverage(tx)) + (await seedPerformance(tx)) + (await seedDemoUsers(tx));
  });
}

/** Loads the five townships' data and the demo accounts when the database holds no county yet. */
export async function seedIfEmpty(orm: MikroORM): Promise<number> {
  if ((await orm.em.fork().count(County, {})) > 0) return 0;
  return load(orm, false);
}

/** Empties every table (audit log included) and loads the seed data again. */
export function reseed(orm: MikroORM): Promise<number> {
  return load(orm, true);
}
