// The Citus suite (`npm run test:citus`, jest.citus.config.js): a coordinator and two workers of Debian's
// PostgreSQL 15 with Citus (.ci/citus.sh installs it), started for the run and deleted at the end. The
// template is migrated and seeded on the coordinator as on one server (its tables stay local); each test
// file's clone is then made a Citus database and distributed by county (src/test-support/test-database.ts).
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { prepareTemplate } from './global-setup.js';

const dist = new URL('../dist/', import.meta.url);
export const CITUS_CLUSTER_ENV = 'RENDA_TEST_CITUS_CLUSTER';

export default async function citusGlobalSetup() {
  if (!existsSync(new URL('main.js', dist))) throw new Error('server/dist is missing: run `npm run build` first');
  const { startCitusCluster, addressOf } = await import(new URL('database/citus/local-cluster.js', dist).href);
  const { provisionRoles } = await import(new URL('database/provision-roles.js', dist).href);
  const cluster = await startCitusCluster({ workers: 2, shardCount: 4 });
  globalThis.__rendaTestDatabaseStop = () => cluster.stop();
  try {
    // Roles belong to each server: the same three on every node (the coordinator's come with the template).
    for (const worker of cluster.workers) await provisionRoles(worker.url, 'postgres');
    process.env[CITUS_CLUSTER_ENV] = JSON.stringify(addressOf(cluster));
    await prepareTemplate(cluster.coordinator.url);
  } catch (error) {
    // jest runs no global teardown when the setup fails: stop the cluster here.
    await cluster.stop();
    throw error;
  }
}
