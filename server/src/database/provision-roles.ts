import { quoteLiteral } from '../common/sql/quote-literal.js';
import pg from 'pg';
import { DATABASE_ROLES, DEV_ROLE_PASSWORDS } from './database-roles.js';

/**
 * With a superuser connection (embedded server, tests): creates the roles if missing and the database
 * owned by the owner role. Idempotent. Production provisions the same roles through its operator.
 */
export async function provisionRoles(superuserUrl: string, databaseName: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const { owner, app, analyst } = DATABASE_ROLES;
    const exists = async (role: string) =>
      ((await client.query('select 1 from pg_roles where rolname = $1', [role])).rowCount ?? 0) > 0;
    if (!(await exists(owner)))
      await client.query(`create role ${owner} login bypassrls password ${quoteLiteral(DEV_ROLE_PASSWORDS.owner)}`);
    if (!(await exists(app)))
      await client.query(
        `create role ${app} login nosuperuser nobypassrls nocreatedb nocreaterole password ${quoteLiteral(DEV_ROLE_PASSWORDS.app)}`,
      );
    if (!(await exists(analyst))) await client.query(`create role ${analyst} nologin nobypassrls`);
    // Analysts' requests `set role` to the analyst role, so the app role must be a member of it.
    await client.query(`grant ${analyst} to ${app}`);
    const db = await client.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (db.rowCount === 0) await client.query(`create database "${databaseName.replaceAll('"', '""')}" owner ${owner}`);
  } finally {
    await client.end();
  }
}

/** The URL of `database` on the same server as `baseUrl`, signed in as a dev role. */
export function roleUrl(baseUrl: string, database: string, role: 'owner' | 'app'): string {
  const url = new URL(baseUrl);
  url.username = DATABASE_ROLES[role];
  url.password = DEV_ROLE_PASSWORDS[role];
  url.pathname = `/${database}`;
  return url.toString();
}
