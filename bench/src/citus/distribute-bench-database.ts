import { distributeByCounty } from '@renda/server/dist/database/citus/distribute.js';
import { withClient } from '../with-client.js';

/**
 * Distributes the database by county with the server's own `distributeByCounty` (the code the
 * migrations run on a Citus database), as its superuser. Idempotent: called again after the bench adds
 * its PostGraphile functions, it converts those too (SQL functions with parameters become PL/pgSQL).
 */
export async function distributeBenchDatabase(superuserUrl: string): Promise<number> {
  const started = performance.now();
  await withClient(superuserUrl, (client) => distributeByCounty(async (sql) => (await client.query(sql)).rows));
  return (performance.now() - started) / 1000;
}

/**
 * `create_distributed_table` copies a loaded table's rows to the shards and leaves the coordinator's own
 * copy in place (unread, but on its disk: about the whole tier). Deleting it makes the coordinator's
 * size what a deployment's would be. (The migration distributes empty tables, which leaves nothing.)
 */
export async function dropCoordinatorCopies(superuserUrl: string): Promise<void> {
  await withClient(superuserUrl, (client) =>
    client.query(
      `select truncate_local_data_after_distributing_table(logicalrelid) from pg_dist_partition where partmethod = 'h'`,
    ),
  );
}
