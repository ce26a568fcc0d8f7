import type { MikroORM } from '@mikro-orm/postgresql';
import { buildSeedDataset } from '@renda/seeds';
import { County } from '../modules/county/county.entity.js';
import { loadSeedDataset } from './load-seed-dataset.js';

/** Loads the five townships' data when the database holds no county yet. Returns rows inserted. */
export async function seedIfEmpty(orm: MikroORM): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(County, {})) > 0) return 0;
  return (await loadSeedDataset(em, buildSeedDataset())).rows;
}

/** Empties every data table and loads the seed data again, in one transaction. */
export async function reseed(orm: MikroORM): Promise<number> {
  const em = orm.em.fork();
  const tables = [...orm.getMetadata()]
    .filter((meta) => !meta.abstract && !meta.embeddable)
    .map((meta) => `"${meta.tableName}"`);
  return em.transactional(async (tx) => {
    await tx.execute(`truncate ${tables.join(', ')} cascade`);
    return (await loadSeedDataset(tx, buildSeedDataset())).rows;
  });
}
