import { reseed } from '@renda/server/dist/seed/seed-database.js';
import { markedDatabase } from './marked-database.js';

/**
 * The five-township seed data (what `npm start` serves) in a database of the bench cluster, created,
 * migrated and seeded on first use and reused after (marked like the tiers, by a database comment).
 */
export function dashboardSeedDatabase(
  clusterUrl: string,
  log: (line: string) => void,
): Promise<{ ownerUrl: string; appUrl: string }> {
  return markedDatabase({
    clusterUrl,
    name: 'renda_bench_seed',
    marker: 'renda bench five-township seed loaded',
    reload: false,
    log,
    load: async (orm) => {
      log('loading the five-township seed data into renda_bench_seed');
      const rows = await reseed(orm);
      log(`seeded ${rows.toLocaleString('en-US')} rows`);
    },
  });
}
