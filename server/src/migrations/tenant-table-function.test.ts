import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { createOrm } from '../database/create-orm.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { migrationList } from './migration-list.js';
import { Migration20261206162732_tenant_table_function as TenantTableFunction } from './Migration20261206162732_tenant_table_function.js';

const ROLES = ['renda_app', 'renda_analyst'];

/** What row-level security, the audit trigger and the grants look like in the catalog, row for row. */
async function catalog(client: pg.Client) {
  const rows = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;
  return {
    policies: await rows(
      `select tablename, policyname, permissive, roles::text[] as roles, cmd, qual, with_check
         from pg_policies where schemaname = 'public' order by tablename, policyname`,
    ),
    rowSecurity: await rows(
      `select relname, relrowsecurity, relforcerowsecurity from pg_class
        where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') order by relname`,
    ),
    triggers: await rows(
      `select tgrelid::regclass::text as table_name, tgname, tgenabled, pg_get_triggerdef(oid) as definition
         from pg_trigger where not tgisinternal order by 1, 2`,
    ),
    tableGrants: await rows(
      `select grantee, table_name, privilege_type, is_grantable from information_schema.role_table_grants
        where table_schema = 'public' and grantee = any($1) order by 1, 2, 3`,
      [ROLES],
    ),
    columnGrants: await rows(
      `select grantee, table_name, column_name, privilege_type, is_grantable from information_schema.column_privileges
        where table_schema = 'public' and grantee = any($1) order by 1, 2, 3, 4`,
      [ROLES],
    ),
  };
}

describe('renda_tenant_table (one SQL function for every tenant table)', () => {
  const index = migrationList.findIndex((m) => m.name === 'Migration20261206162732_tenant_table_function');
  const mine = migrationList[index]!.name;
  const previous = migrationList[index - 1]!.name;
  let database: TestDatabase;
  let orm: MikroORM;
  let before: Awaited<ReturnType<typeof catalog>>;
  const inspect = () => withDatabaseClient(database.url, catalog);
  const superuser = (sql: string) => withDatabaseClient(database.url, (client) => client.query(sql));

  /** The tables the migration declares, read from its own statements. */
  function declaredTables(): string[] {
    const migration = new TenantTableFunction(orm.em.getDriver(), orm.config);
    void migration.up();
    return migration
      .getQueries()
      .map((q) => /^select renda_tenant_table\('(\w+)'/.exec(String(q))?.[1])
      .filter((t): t is string => t !== undefined);
  }

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    orm = await createOrm({ clientUrl: database.ownerUrl });
    await orm.migrator.up({ to: previous });
    before = await inspect();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('re-applied to every tenant table, leaves policies, row security, triggers and grants exactly as they were', async () => {
    expect(before.policies.length).toBeGreaterThan(60);
    await orm.migrator.up({ to: mine });
    expect(await inspect()).toEqual(before);
  });

  it('rebuilds what it declares from nothing: the rules come from the function, not from the old migrations', async () => {
    const tables = declaredTables();
    expect(tables).toEqual(expect.arrayContaining(['term', 'deputy', 'quarterly_report_revision', 'calendar_day']));
    for (const t of tables) {
      await superuser(`drop policy if exists "${t}_read" on "${t}"; drop policy if exists "${t}_insert" on "${t}";
        drop policy if exists "${t}_update" on "${t}"; drop policy if exists "${t}_delete" on "${t}";
        drop trigger if exists "${t}_audit" on "${t}";
        alter table "${t}" no force row level security; alter table "${t}" disable row level security;
        revoke all on "${t}" from renda_app, renda_analyst;`);
    }
    const stripped = await inspect();
    expect(stripped.policies).not.toEqual(before.policies);
    expect(stripped.tableGrants).not.toEqual(before.tableGrants);

    await orm.migrator.down({ to: previous });
    await orm.migrator.up({ to: mine });
    // Column grants (the analyst's non-PII columns of deputy) belong to the migrations that add columns.
    const { columnGrants: _rebuiltColumns, ...rebuilt } = await inspect();
    const { columnGrants: _beforeColumns, ...expected } = before;
    expect(rebuilt).toEqual(expected);
  });

  it('makes a new tenant table one line, with the same rules as its peers', async () => {
    await superuser(`create table "pilot_record" (like "term" including all)`);
    await superuser(`select renda_tenant_table('pilot_record', 'township')`);
    const after = await inspect();
    const rulesOf = (t: string) => ({
      policies: after.policies
        .filter((p) => p.tablename === t)
        .map((p) => ({ ...p, tablename: null, policyname: String(p.policyname).replace(t, '') })),
      triggers: after.triggers.filter((r) => r.table_name === t).map((r) => String(r.definition).replaceAll(t, '')),
      grants: after.tableGrants.filter((g) => g.table_name === t).map((g) => ({ ...g, table_name: null })),
      rowSecurity: after.rowSecurity.filter((r) => r.relname === t).map((r) => ({ ...r, relname: null })),
    });
    expect(rulesOf('pilot_record').policies).toHaveLength(4);
    expect(rulesOf('pilot_record')).toEqual(rulesOf('term'));
  });

  it('refuses a scope it does not know, changing nothing', async () => {
    const unchanged = await inspect();
    await expect(superuser(`select renda_tenant_table('term', 'everyone')`)).rejects.toThrow(/unknown scope everyone/);
    expect(await inspect()).toEqual(unchanged);
  });

  it('is not callable by the application role', async () => {
    await expect(
      withDatabaseClient(database.appUrl, (client) => client.query(`select renda_tenant_table('term', 'township')`)),
    ).rejects.toThrow(/permission denied/);
  });
});
