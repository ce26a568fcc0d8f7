import { labDistribution } from './lab-distribution.js';
import { withClient } from '../with-client.js';

/** Where h/cdist's `distributeByCounty` is built (issue #20's shared design). */
const DISTRIBUTE_MODULE = '@renda/server/dist/database/citus/distribute.js';

/**
 * Turns the loaded tier's database on the coordinator into the distributed one: the server's
 * `distributeByCounty` (the same code the migrations run on a Citus database) when the build has it,
 * otherwise the lab's hand procedure (lab-distribution.ts), which the log names.
 */
export async function distributeBenchDatabase(superuserUrl: string, log: (line: string) => void): Promise<string> {
  const started = performance.now();
  const how = await withClient(superuserUrl, async (client) => {
    const module = (await import(DISTRIBUTE_MODULE).catch(() => null)) as
      typeof import('@renda/server/dist/database/citus/distribute.js') | null;
    if (module) {
      await module.distributeByCounty(async (sql) => (await client.query(sql)).rows);
      return 'distributeByCounty';
    }
    log('citus: server/dist/database/citus/distribute.js is not built; using the lab procedure');
    await labDistribution(client, log);
    return 'lab procedure';
  });
  log(`citus: distributed (${how}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return how;
}
