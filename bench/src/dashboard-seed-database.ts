import { createOrm } from '@renda/server/dist/database/create-orm.js';
import { provisionRoles, roleUrl } from '@renda/server/dist/database/provision-roles.js';
import { reseed } from '@renda/server/dist/seed/seed-database.js';
import { withClient } from './bench-database.js';

const DATABASE = 'renda_bench_seed';
const LOADED = 'renda bench five-township seed loaded';

/**
 * The five-township seed data (what `npm start` serves) in a database of the bench cluster, created,
 * migrated and seeded on first use and reused after (marked like the tiers, by a database comment).
 * Migrations run every time, since they are cheap when there is nothing to do.
 */
export async function dashboardSeedDatabase(
  clusterUrl: string,
  log: (line: string) => void,
): Promise<{ ownerUrl: string; appUrl: string }> {
  const loaded = await withClient(clusterUrl, async (client) => {
    const found = await client.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [DATABASE],
    );
    return found.rows[0]?.comment === LOADED;
  });
  const ownerUrl = roleUrl(clusterUrl, DATABASE, 'owner');
  if (!loaded) {
    await withClient(clusterUrl, (client) => client.query(`drop database if exists ${DATABASE} with (force)`));
    await provisionRoles(clusterUrl, DATABASE);
  }
  const orm = await createOrm({ clientUrl: ownerUrl });
  try {
    await orm.migrator.up();
    if (!loaded) {
      log(`loading the five-township seed data into ${DATABASE}`);
      const rows = await reseed(orm);
      log(`seeded ${rows.toLocaleString('en-US')} rows`);
    }
  } finally {
    await orm.close();
  }
  if (!loaded) await withClient(clusterUrl, (client) => client.query(`comment on database ${DATABASE} is '${LOADED}'`));
  return { ownerUrl, appUrl: roleUrl(clusterUrl, DATABASE, 'app') };
}
