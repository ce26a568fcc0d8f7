import { randomBytes } from 'node:crypto';
import { TEMPLATE_DB, databaseUrl, withAdminClient } from './test-cluster.js';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file: a clone of the seeded template, or empty. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `renda_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) =>
    client.query(options.empty ? `create database ${name}` : `create database ${name} template ${TEMPLATE_DB}`),
  );
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
