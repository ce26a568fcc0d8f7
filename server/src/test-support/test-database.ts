import { randomBytes } from 'node:crypto';
import { DATABASE_ROLES } from '../database/database-roles.js';
import { roleUrl } from '../database/provision-roles.js';
import type pg from 'pg';
import { prepareClusterRoles } from '../database/citus/cluster-roles.js';
import { distributeByCounty } from '../database/citus/distribute.js';
import { attachCitusDatabase, dropCitusDatabase } from '../database/citus/local-cluster.js';
import {
  TEMPLATE_DB,
  adminUrl,
  citusCluster,
  databaseUrl,
  withAdminClient,
  withDatabaseClient,
} from './test-cluster.js';

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

export interface TestDatabaseOptions {
  /** No template: an empty database (its migrations are the test's). */
  empty?: boolean;
  /**
   * On the Citus suite's cluster: distribute the clone by county (default), or leave its tables local on
   * the coordinator (`false`) for a test that prepares data first and distributes it itself.
   */
  distributed?: boolean;
}

/**
 * A database of its own for one test file: a clone of the migrated, seeded template, or empty. On the
 * Citus suite's cluster the clone (its tables local, as the template's) then becomes a Citus database:
 * the same database on every worker, the extension and the nodes registered in it, the roles' cluster
 * needs (`prepareClusterRoles`), and it is distributed by county as a database that got the extension
 * after its migrations is: `distributeByCounty` as the owner role, statement by statement (outside a
 * transaction it also grants the columns on the shards). An empty database gets the extension and the
 * nodes only: its migrations distribute it.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
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
      await withDatabaseClient(databaseUrl(name), (su) =>
        prepareClusterRoles(async (sql) => (await su.query(sql)).rows),
      );
      if (!options.empty && options.distributed !== false)
        await withDatabaseClient(roleUrl(adminUrl(), name, 'owner'), (owner) => distributeAsOwner(owner, name));
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

function distributeAsOwner(owner: pg.Client, name: string): Promise<void> {
  return distributeByCounty(async (sql) => {
    try {
      return (await owner.query(sql)).rows;
    } catch (error) {
      // Name the statement: distributing runs dozens of them, generated from the catalog.
      throw new Error(`distributing ${name}: ${String(error)}\n  in: ${sql}`, { cause: error });
    }
  });
}
