import { buildSeedDataset, type SeedDataset } from '@renda/seeds';
import { createOrm } from '../database/create-orm.js';
import { loadSeedDataset } from '../seed/load-seed-dataset.js';
import { seedDemoUsers } from '../seed/seed-demo-users.js';
import { County } from '../modules/county/county.entity.js';

export const SECOND_COUNTY_PREFIX = 'OTHER';

/** Prefixes every key (`key`, `…Key`, `…Keys`) and code, leaving names and text as they are. */
function renamed<T>(value: T, prefix: string, property = ''): T {
  if (Array.isArray(value)) return value.map((item) => renamed(item, prefix, property)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, prefix, k)])) as T;
  }
  if (typeof value !== 'string') return value;
  if (property === 'code') return `${prefix}${value}` as T;
  if (property === 'key' || property.endsWith('Key') || property.endsWith('Keys'))
    return `${prefix.toLowerCase()}-${value}` as T;
  return value;
}

/**
 * Loads a second county into a test database as its owner: the same data under `OTHER…` codes, with
 * logins like `otherdemo.staff` and `otherqunli.clerk`, for the cross-county isolation cases.
 */
export async function addSecondCounty(ownerUrl: string): Promise<void> {
  const dataset = buildSeedDataset();
  const copy: SeedDataset = { ...renamed(dataset, SECOND_COUNTY_PREFIX), metricDefinitions: [] };
  copy.counties = copy.counties.map((county) => ({ ...county, name: `${county.name}（对照）` }));
  const orm = await createOrm({ clientUrl: ownerUrl, poolMax: 2 });
  try {
    await orm.em.fork().transactional(async (tx) => {
      await loadSeedDataset(tx, copy);
      const county = await tx.findOneOrFail(County, { code: copy.counties[0]!.code });
      await seedDemoUsers(tx, county.id);
    });
  } finally {
    await orm.close();
  }
}
