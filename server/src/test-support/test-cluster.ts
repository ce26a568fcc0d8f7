import pg from 'pg';
import type { CitusClusterAddress } from '../database/citus/local-cluster.js';

/** Set by global-setup: a superuser URL of the test cluster (embedded, or DATABASE_URL's server). */
export const ADMIN_URL_ENV = 'RENDA_TEST_ADMIN_URL';
export const TEMPLATE_DB = 'renda_test_template';
/** Set by the Citus suite's global setup (jest/citus-global-setup.js): the nodes' ports, as JSON. */
export const CITUS_CLUSTER_ENV = 'RENDA_TEST_CITUS_CLUSTER';

/** The Citus cluster the run started, or null when the tests run on one server. */
export function citusCluster(): CitusClusterAddress | null {
  const address = process.env[CITUS_CLUSTER_ENV];
  return address ? (JSON.parse(address) as CitusClusterAddress) : null;
}

export function adminUrl(): string {
  const url = process.env[ADMIN_URL_ENV];
  if (!url) throw new Error(`${ADMIN_URL_ENV} is not set: run tests through jest's globalSetup`);
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withDatabaseClient(adminUrl(), work);
}

/** A short-lived client on any database of the test cluster (superuser unless the URL says otherwise). */
export async function withDatabaseClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
