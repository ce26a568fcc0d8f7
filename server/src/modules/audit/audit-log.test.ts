import pg from 'pg';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';

interface AuditRow {
  tableName: string;
  rowId: string;
  action: string;
  role: string | null;
  userId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const AUDIT = `query ($filter: AuditLogFilter) {
  auditLog(first: 50, filter: $filter) { totalCount nodes { tableName rowId action role userId before after } }
}`;

describe('audit log', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.admin' });
  });
  afterAll(() => t.stop());

  it('records who changed what, before and after, for every mutation of tenant data', async () => {
    const towns = await t.graphql<{ townships: { nodes: { id: string; code: string }[] } }>(
      '{ townships(first: 10) { nodes { id code } } }',
    );
    const simeng = towns.data!.townships.nodes.find((n) => n.code === 'SIMENG')!;
    const created = await t.graphql<{ createUser: { id: string } }>(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          login: 'simeng.clerk2',
          displayName: '思蒙镇第二文书',
          password: 'a-long-password',
          role: 'TOWNSHIP_CLERK',
          townshipId: simeng.id,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createUser.id;
    const updated = await t.graphql(
      `mutation ($id: ID!) { updateUser(id: $id, input: { active: false }) { id active } }`,
      { id },
    );
    expect(updated.errors).toBeUndefined();

    const me = await t.graphql<{ me: { id: string } }>('{ me { id } }');
    const log = await t.graphql<{ auditLog: { totalCount: number; nodes: AuditRow[] } }>(AUDIT, {
      filter: { rowId: id },
    });
    expect(log.errors).toBeUndefined();
    const [update, insert] = log.data!.auditLog.nodes;
    expect(log.data!.auditLog.totalCount).toBe(2);
    expect(insert).toMatchObject({
      tableName: 'app_user',
      action: 'INSERT',
      role: 'COUNTY_ADMIN',
      userId: me.data!.me.id,
      before: null,
    });
    expect(insert!.after).toMatchObject({ login: 'simeng.clerk2', active: true });
    expect(update).toMatchObject({
      action: 'UPDATE',
      before: expect.objectContaining({ active: true }),
      after: expect.objectContaining({ active: false }),
    });
    // Password hashes never reach the audit trail.
    expect(JSON.stringify(log.data)).not.toMatch(/password_hash|argon2/);
  });

  it('shows a clerk only its own township’s history and refuses it to analysts and viewers', async () => {
    const clerk = await t.graphql<{
      auditLog: { totalCount: number; nodes: { townshipId: string | null }[] };
      me: { townshipId: string };
    }>('{ auditLog(first: 200) { totalCount nodes { townshipId } } me { townshipId } }', {}, { as: 'qunli.clerk' });
    expect(clerk.errors).toBeUndefined();
    expect(clerk.data!.auditLog.totalCount).toBeGreaterThan(0);
    expect(new Set(clerk.data!.auditLog.nodes.map((n) => n.townshipId))).toEqual(new Set([clerk.data!.me.townshipId]));
    const admin = await t.graphql<{ auditLog: { totalCount: number } }>('{ auditLog(first: 0) { totalCount } }');
    expect(admin.data!.auditLog.totalCount).toBeGreaterThan(clerk.data!.auditLog.totalCount);
    for (const login of ['demo.analyst', 'qunli.viewer', 'demo.staff']) {
      const res = await t.graphql('{ auditLog(first: 1) { totalCount } }', {}, { as: login });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  it('writes audit rows in the same transaction: a rollback leaves none', async () => {
    const app = new pg.Client({ connectionString: t.database.appUrl });
    await app.connect();
    try {
      const { rows: ids } = await withDatabaseClient(t.database.url, (su) =>
        su.query<{ user_id: string; county_id: string; township_id: string }>(
          `select id as user_id, county_id, township_id from app_user where login = 'qunli.clerk'`,
        ),
      );
      const me = ids[0]!;
      await app.query('begin');
      await app.query(
        `select set_config('renda.user_id', $1, true), set_config('renda.role', 'TOWNSHIP_CLERK', true),
                set_config('renda.county_id', $2, true), set_config('renda.township_id', $3, true)`,
        [me.user_id, me.county_id, me.township_id],
      );
      const inserted = await app.query<{ id: string }>(
        `insert into deputy_group (id, created_at, updated_at, township_id, county_id, provenance, name)
         values (gen_random_uuid(), now(), now(), $1, $2, 'RECORDED', '回滚测试小组') returning id`,
        [me.township_id, me.county_id],
      );
      const rowId = inserted.rows[0]!.id;
      const during = await app.query('select action, user_id from audit_log where row_id = $1', [rowId]);
      expect(during.rows).toEqual([{ action: 'INSERT', user_id: me.user_id }]);
      await app.query('rollback');
      const after = await withDatabaseClient(t.database.url, (su) =>
        su.query('select 1 from audit_log where row_id = $1', [rowId]),
      );
      expect(after.rowCount).toBe(0);
    } finally {
      await app.end();
    }
  });

  it('cannot be altered by the application role', async () => {
    const app = new pg.Client({ connectionString: t.database.appUrl });
    await app.connect();
    try {
      for (const sql of [
        `update audit_log set role = 'forged'`,
        `delete from audit_log`,
        `insert into audit_log (table_name, action) values ('deputy', 'INSERT')`,
        `truncate audit_log`,
      ]) {
        await expect(app.query(sql)).rejects.toMatchObject({ code: '42501' });
      }
    } finally {
      await app.end();
    }
    const count = await withDatabaseClient(t.database.url, (su) =>
      su.query<{ n: string }>(`select count(*) as n from audit_log where role = 'forged'`),
    );
    expect(count.rows[0]!.n).toBe('0');
  });

  it('runs per row no function that PostgreSQL parses and plans again for every call', async () => {
    // A `language sql` function that is security definer or has a `set` clause is never inlined; before
    // PostgreSQL 18 each call plans its body again: once per audited row (migration cheaper_write_triggers).
    const { rows } = await withDatabaseClient(t.database.url, (su) =>
      su.query<{ caller: string; callee: string }>(
        `select t.proname as caller, f.proname as callee
           from pg_proc t
           join pg_proc f on f.pronamespace = 'public'::regnamespace and t.prosrc ~ ('\\m' || f.proname || '\\(')
           join pg_language l on l.oid = f.prolang
          where t.pronamespace = 'public'::regnamespace and t.proname in ('renda_audit', 'renda_audit_statement')
            and l.lanname = 'sql' and (f.prosecdef or f.proconfig is not null)`,
      ),
    );
    expect(rows).toEqual([]);
    // and the check sees the calls it is about: the redaction each audit row goes through
    const called = await withDatabaseClient(t.database.url, (su) =>
      su.query<{ n: number }>(
        `select count(*)::int as n from pg_proc where proname in ('renda_audit', 'renda_audit_statement') and prosrc ~ 'renda_redact_pii\\('`,
      ),
    );
    expect(called.rows[0]!.n).toBe(2);
  });
});
