import { createOrm } from '../database/create-orm.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import { createTestDatabase } from '../test-support/test-database.js';
import { townshipRows, type TownshipRows } from '../test-support/township-rows.js';
import { addSecondCounty } from '../test-support/add-second-county.js';

const CREATE_DEPUTY = `mutation ($input: CreateDeputyInput!) { createDeputy(input: $input) { id } }`;
const UPDATE_DEPUTY = `mutation ($id: ID!, $input: UpdateDeputyInput!) { updateDeputy(id: $id, input: $input) { id } }`;
const AUDIT = `query ($rowId: ID) {
  auditLog(first: 50, filter: { rowId: $rowId }) { nodes { action before after } } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const DEFINE = `mutation ($i: DefineMetricInput!) { defineMetric(input: $i) { key countyId } }`;
const METRICS = `{ metricDefinitions { key countyId } }`;

/**
 * The numbers this test writes, and their last eight digits with or without the space: a document
 * holding any of them leaks a phone. (A generic digit pattern also matched digit runs inside random
 * UUIDs, so the test failed now and then for nothing.)
 */
const WRITTEN_PHONES = ['13912345678', '138 0011 2233'];
const PHONE_DIGITS = new RegExp(
  WRITTEN_PHONES.flatMap((phone) => {
    const digits = phone.replace(/ /g, '');
    const tail = digits.slice(-8);
    return [digits, phone, tail, `${tail.slice(0, 4)} ${tail.slice(4)}`];
  }).join('|'),
);

interface AuditNode {
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('no PII side channels (finding 8)', () => {
  let t: TestServer;
  let own: TownshipRows;

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
    await addSecondCounty(t.database.ownerUrl);
    own = await townshipRows(t.database.url, 'QUNLI');
  });
  afterAll(() => t.stop());

  it('keeps a phone change in the audit log as redacted or changed, never the number', async () => {
    const created = await t.graphql<{ createDeputy: { id: string } }>(CREATE_DEPUTY, {
      input: { name: '张审计', gender: 'FEMALE', level: 'TOWNSHIP', termId: own.termId, contactPhone: '13912345678' },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createDeputy.id;
    for (const input of [{ contactPhone: '138 0011 2233' }, { name: '张审计二' }, { contactPhone: null }]) {
      const res = await t.graphql(UPDATE_DEPUTY, { id, input });
      expect(res.errors).toBeUndefined();
    }

    // what the county admin reads
    const log = await t.graphql<{ auditLog: { nodes: AuditNode[] } }>(AUDIT, { rowId: id }, { as: 'demo.admin' });
    expect(log.errors).toBeUndefined();
    const nodes = [...log.data!.auditLog.nodes].reverse();
    expect(JSON.stringify(nodes)).not.toMatch(PHONE_DIGITS);
    expect(nodes.map((n) => [n.action, n.before?.['phone'] ?? null, n.after?.['phone'] ?? null])).toEqual([
      ['INSERT', null, '[redacted]'],
      ['UPDATE', '[redacted]', '[changed]'],
      ['UPDATE', '[redacted]', '[redacted]'],
      ['UPDATE', '[redacted]', null],
    ]);
    // and what is stored, read as superuser
    const stored = await withDatabaseClient(t.database.url, (su) =>
      su.query<{ doc: string }>(
        `select coalesce(before::text, '') || coalesce(after::text, '') as doc from audit_log where row_id = $1`,
        [id],
      ),
    );
    expect(stored.rows).toHaveLength(4);
    for (const row of stored.rows) expect(row.doc).not.toMatch(PHONE_DIGITS);
  });

  it('scrubs phone numbers logged before the migration', async () => {
    const database = await createTestDatabase();
    const orm = await createOrm({ clientUrl: database.ownerUrl, poolMax: 2 });
    try {
      await orm.migrator.down({ to: 'Migration20261125123000_scale_indexes' });
      // the old trigger logs the number itself
      await orm.em
        .fork()
        .execute(`update deputy set phone = '13700001111' where id = (select min(id::text)::uuid from deputy)`);
      const leaked = await orm.em
        .fork()
        .execute<{ n: string }[]>(`select count(*) as n from audit_log where after->>'phone' = '13700001111'`);
      expect(Number(leaked[0]!.n)).toBe(1);
      await orm.migrator.up();
      const rows = await orm.em.fork().execute<{ before: unknown; after: unknown }[]>(
        `select before->'phone' as before, after->'phone' as after from audit_log
          where table_name = 'deputy' and (before ? 'phone' or after ? 'phone')`,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const value of [row.before, row.after]) expect([null, '[redacted]', '[changed]']).toContain(value);
      }
      expect(rows.filter((r) => r.after === '[changed]')).toHaveLength(1);
    } finally {
      await orm.close();
      await database.drop();
    }
  });

  it('answers a login clash the same whether the login is in this county or another', async () => {
    const attempt = (login: string) =>
      t.graphql(
        CREATE_USER,
        { input: { login, displayName: '重名', password: 'a-long-password', role: 'COUNTY_STAFF' } },
        { as: 'demo.admin' },
      );
    const here = await attempt('qunli.clerk');
    const elsewhere = await attempt('otherqunli.clerk');
    const shape = (res: typeof here, login: string) => ({
      data: res.data,
      errors: res.errors?.map((e) => ({
        message: e.message.replaceAll(login, '<login>'),
        extensions: JSON.parse(JSON.stringify(e.extensions).replaceAll(login, '<login>')) as unknown,
      })),
    });
    expect(shape(here, 'qunli.clerk')).toEqual(shape(elsewhere, 'otherqunli.clerk'));
    expect(here.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'LOGIN_TAKEN',
      field: ['input', 'login'],
    });
    expect(JSON.stringify(elsewhere)).not.toMatch(/constraint|app_user|unique/i);
  });

  it('scopes metric keys per county: another county defining a key neither clashes nor shows', async () => {
    const input = (key: string) => ({
      key,
      nameZh: '自定义指标',
      nameEn: 'Custom metric',
      unit: '次',
      kind: 'COUNT',
      higherIsBetter: true,
      computation: '乡镇填报',
    });
    const other = await t.graphql(DEFINE, { i: input('river_patrols') }, { as: 'otherdemo.admin' });
    expect(other.errors).toBeUndefined();
    const mine = await t.graphql<{ defineMetric: { key: string; countyId: string } }>(
      DEFINE,
      { i: input('river_patrols') },
      { as: 'demo.admin' },
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.defineMetric.countyId).toBe(own.countyId);

    const visible = await t.graphql<{ metricDefinitions: { key: string; countyId: string | null }[] }>(
      METRICS,
      {},
      { as: 'demo.admin' },
    );
    expect(visible.data!.metricDefinitions.filter((m) => m.key === 'river_patrols')).toEqual([
      { key: 'river_patrols', countyId: own.countyId },
    ]);

    // a clash inside the county, or with the platform catalog every county sees, is one coded answer
    const platformKey = visible.data!.metricDefinitions.find((m) => m.countyId === null)!.key;
    for (const key of ['river_patrols', platformKey]) {
      const again = await t.graphql(DEFINE, { i: input(key) }, { as: 'demo.admin' });
      expect(again.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'METRIC_KEY_TAKEN',
        field: ['input', 'key'],
      });
      expect(JSON.stringify(again)).not.toMatch(/constraint|metric_definition|unique/i);
    }
  });
});
