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
    if (cluster) await oneSetupAtATime(() => dropCitusDatabase(cluster, name));
    else await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
  };
  if (cluster) {
    try {
      await oneSetupAtATime(async () => {
        await attachCitusDatabase(cluster, name, DATABASE_ROLES.owner);
        await withDatabaseClient(databaseUrl(name), (su) =>
          prepareClusterRoles(async (sql) => (await su.query(sql)).rows),
        );
        if (!options.empty && options.distributed !== false)
          await withDatabaseClient(roleUrl(adminUrl(), name, 'owner'), (owner) => distributeAsOwner(owner, name));
      });
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

/** Any number, the same for every test file: the advisory lock that serialises Citus set-ups. */
const CITUS_SETUP_LOCK = 20_261_207;

/**
 * One test file at a time attaches and distributes (or drops) its database. Citus propagates roles and
 * their settings to the workers while it does (catalog rows shared by every database of a node), and two
 * files doing so at once failed in CI with "tuple concurrently updated" on a worker. The lock is taken
 * in the admin database, which every test file's session shares (advisory locks are per database).
 */
function oneSetupAtATime(work: () => Promise<void>): Promise<void> {
  return withAdminClient(async (client) => {
    await client.query('select pg_advisory_lock($1)', [CITUS_SETUP_LOCK]);
    try {
      await work();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [CITUS_SETUP_LOCK]);
    }
  });
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
