import { randomBytes } from 'node:crypto';
import { DATABASE_ROLES } from '../database/database-roles.js';
import { roleUrl } from '../database/provision-roles.js';
import { attachCitusDatabase, dropCitusDatabase } from '../database/citus/local-cluster.js';
import { TEMPLATE_DB, adminUrl, citusCluster, databaseUrl, withAdminClient } from './test-cluster.js';

export interface TestDatabase {
  name: string;
  /** Superuser URL, for test set-up that must bypass everything. */
  url: string;
  /** The owner role (migrations, maintenance; bypasses row-level security). */
  ownerUrl: string;
  /** The application role the server uses: row-level security applies. */
  appUrl: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a clone of the migrated, seeded template, or empty. On the
 * Citus suite's cluster the clone (its tables local, as the template's) then becomes a Citus database:
 * the same database on every worker, the extension and the nodes registered in it.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `renda_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) =>
    client.query(
      options.empty
        ? `create database ${name} owner ${DATABASE_ROLES.owner}`
        : `create database ${name} template ${TEMPLATE_DB} owner ${DATABASE_ROLES.owner}`,
    ),
  );
  const cluster = citusCluster();
  const drop = async () => {
    if (cluster) await dropCitusDatabase(cluster, name);
    else await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
  };
  if (cluster) {
    try {
      await attachCitusDatabase(cluster, name, DATABASE_ROLES.owner);
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return {
    name,
    url: databaseUrl(name),
    ownerUrl: roleUrl(adminUrl(), name, 'owner'),
    appUrl: roleUrl(adminUrl(), name, 'app'),
    drop,
  };
}
