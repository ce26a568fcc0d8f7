import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { addSecondCounty } from '../test-support/add-second-county.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import { startTestServer } from '../test-support/test-server.js';

interface Identity {
  userId: string;
  role: string;
  countyId: string;
  townshipId: string | null;
}

/** Tenant tables are exactly the tables that carry a township_id. */
async function tenantTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'township_id' and table_name not in ('audit_log', 'app_user') order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe('row-level security inside PostgreSQL (raw SQL as the application role)', () => {
  let db: TestDatabase;
  let app: pg.Client;
  let tables: string[];
  const towns = new Map<string, { id: string; countyId: string }>();
  const users = new Map<string, Identity>();

  /** Runs `work` in a transaction carrying `identity`, as the server does, then rolls back. */
  async function as<T>(identity: Identity | null, work: () => Promise<T>): Promise<T> {
    await app.query('begin');
    try {
      if (identity) {
        await app.query(
          `select set_config('renda.user_id', $1, true), set_config('renda.role', $2, true),
                  set_config('renda.county_id', $3, true), set_config('renda.township_id', $4, true),
                  set_config('role', $5, true)`,
          [
            identity.userId,
            identity.role,
            identity.countyId,
            identity.townshipId ?? '',
            identity.role === 'ANALYST' ? 'renda_analyst' : 'none',
          ],
        );
      }
      return await work();
    } finally {
      await app.query('rollback');
    }
  }

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await app.query<{ n: string }>(sql, params)).rows[0]!.n);

  beforeAll(async () => {
    db = await createTestDatabase();
    await addSecondCounty(db.ownerUrl);
    await withDatabaseClient(db.url, async (su) => {
      for (const row of (
        await su.query<{ code: string; id: string; county_id: string }>('select code, id, county_id from township')
      ).rows) {
        towns.set(row.code, { id: row.id, countyId: row.county_id });
      }
      const { rows } = await su.query<{
        login: string;
        id: string;
        role: string;
        county_id: string;
        township_id: string | null;
      }>('select login, id, role, county_id, township_id from app_user');
      for (const u of rows)
        users.set(u.login, { userId: u.id, role: u.role, countyId: u.county_id, townshipId: u.township_id });
    });
    app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
    tables = await tenantTables(app);
  });

  afterAll(async () => {
    await app.end();
    await db.drop();
  });

  it('enables and forces RLS on every tenant table, county, township, users and the audit log', async () => {
    expect(tables.length).toBeGreaterThanOrEqual(14);
    const { rows } = await app.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `select relname, relrowsecurity, relforcerowsecurity from pg_class
        where relnamespace = 'public'::regnamespace and relkind = 'r' and relname = any($1)`,
      [[...tables, 'county', 'township', 'app_user', 'audit_log', 'metric_definition']],
    );
    expect(rows).toHaveLength(tables.length + 5);
    for (const row of rows)
      expect([row.relname, row.relrowsecurity, row.relforcerowsecurity]).toEqual([row.relname, true, true]);
  });

  it('connects as a role that is neither superuser, nor BYPASSRLS, nor the owner of any table', async () => {
    const { rows } = await app.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owned: string }>(
      `select rolname, rolsuper, rolbypassrls,
              (select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user) as owned
         from pg_roles where rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolname: 'renda_app', rolsuper: false, rolbypassrls: false, owned: '0' });
    const owner = await app.query<{ member: boolean }>(
      `select pg_has_role(current_user, 'renda_owner', 'member') as member`,
    );
    expect(owner.rows[0]!.member).toBe(false);
  });

  it('gives the analysts’ role no privilege on PII columns, and every other deputy column', async () => {
    const { rows } = await app.query<{ column_name: string; allowed: boolean }>(
      `select column_name, has_column_privilege('renda_analyst', 'deputy', column_name, 'SELECT') as allowed
         from information_schema.columns where table_schema = 'public' and table_name = 'deputy'`,
    );
    for (const row of rows)
      expect([row.column_name, row.allowed]).toEqual([row.column_name, row.column_name !== 'phone']);
    const hash = await app.query<{ allowed: boolean }>(
      `select has_column_privilege('renda_analyst', 'app_user', 'password_hash', 'SELECT') as allowed`,
    );
    expect(hash.rows[0]!.allowed).toBe(false);
    await as(users.get('demo.analyst')!, async () => {
      expect(await count('select count(*) as n from deputy')).toBeGreaterThan(0);
      await expect(app.query('select phone from deputy limit 1')).rejects.toMatchObject({ code: '42501' });
    });
  });

  it('fails closed with no identity: every tenant table looks empty', async () => {
    await as(null, async () => {
      for (const table of [...tables, 'county', 'township', 'app_user', 'audit_log', 'metric_definition']) {
        expect([table, await count(`select count(*) as n from "${table}"`)]).toEqual([table, 0]);
      }
    });
  });

  it('shows a township clerk only its own township’s rows in every table', async () => {
    const qunli = towns.get('QUNLI')!;
    await as(users.get('qunli.clerk')!, async () => {
      expect(await count('select count(*) as n from deputy')).toBeGreaterThan(0);
      for (const table of tables) {
        expect([
          table,
          await count(`select count(*) as n from "${table}" where township_id <> $1`, [qunli.id]),
        ]).toEqual([table, 0]);
      }
      expect(await count('select count(*) as n from township')).toBe(1);
    });
  });

  it('refuses a clerk’s insert or update carrying another township’s or county’s id', async () => {
    const qunli = towns.get('QUNLI')!;
    const simeng = towns.get('SIMENG')!;
    const foreign = towns.get('OTHERQUNLI')!;
    const insert = (townshipId: string, countyId: string) =>
      app.query(
        `insert into deputy_group (id, created_at, updated_at, township_id, county_id, provenance, name)
         values (gen_random_uuid(), now(), now(), $1, $2, 'RECORDED', 'RLS 测试小组')`,
        [townshipId, countyId],
      );
    for (const [townshipId, countyId] of [
      [simeng.id, simeng.countyId],
      [foreign.id, foreign.countyId],
      [qunli.id, foreign.countyId],
    ] as const) {
      await as(users.get('qunli.clerk')!, async () => {
        await expect(insert(townshipId, countyId)).rejects.toMatchObject({ code: '42501' });
      });
    }
    await as(users.get('qunli.clerk')!, async () => {
      await insert(qunli.id, qunli.countyId);
      expect(
        (await app.query(`update deputy set name = name || 'x' where township_id = $1`, [simeng.id])).rowCount,
      ).toBe(0);
      expect((await app.query(`delete from activity where township_id = $1`, [simeng.id])).rowCount).toBe(0);
      // Moving an own row into another township is refused by the policy's WITH CHECK.
      await expect(
        app.query(`update deputy_group set township_id = $1 where township_id = $2`, [simeng.id, qunli.id]),
      ).rejects.toMatchObject({
        code: '42501',
      });
    });
  });

  it('lets county roles read every township of their county, none of another, and write nothing', async () => {
    for (const login of ['demo.staff', 'demo.analyst', 'demo.admin']) {
      await as(users.get(login)!, async () => {
        expect(await count('select count(*) as n from township')).toBe(5);
        expect(await count(`select count(distinct township_id) as n from deputy`)).toBe(5);
        expect(
          await count(`select count(*) as n from deputy where county_id <> $1`, [users.get(login)!.countyId]),
        ).toBe(0);
        const qunli = towns.get('QUNLI')!;
        await expect(
          app.query(
            `insert into deputy_group (id, created_at, updated_at, township_id, county_id, provenance, name)
             values (gen_random_uuid(), now(), now(), $1, $2, 'RECORDED', '县级写入')`,
            [qunli.id, qunli.countyId],
          ),
        ).rejects.toMatchObject({ code: expect.stringMatching(/^42501$/) });
      });
      await as(users.get(login)!, async () => {
        // Staff and admins match no row under the write policy; the analysts' role has no UPDATE at all.
        if (login === 'demo.analyst')
          await expect(app.query(`update deputy set name = name`)).rejects.toMatchObject({ code: '42501' });
        else expect((await app.query(`update deputy set name = name`)).rowCount).toBe(0);
      });
    }
  });

  it('forgets the identity when a pooled connection is reused', async () => {
    const t = await startTestServer({ poolMax: 1, defaultUser: 'qunli.clerk' });
    try {
      const res = await t.graphql<{ deputies: { totalCount: number } }>('{ deputies(first: 0) { totalCount } }');
      expect(res.data!.deputies.totalCount).toBe(70);
      // The same (only) pooled connection, with no identity set, sees nothing.
      const [row] = await t.server.orm.em
        .fork()
        .execute<{ n: string; role: string | null }[]>(
          `select count(*) as n, current_setting('renda.role', true) as role from deputy`,
        );
      expect(row!.n).toBe('0');
      expect(row!.role ?? '').toBe('');
    } finally {
      await t.stop();
    }
  });
});
