import { createHash } from 'node:crypto';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { addSecondCounty } from '../../test-support/add-second-county.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';

const TOWNSHIPS = `query Townships($first: Int!) {
  townships(first: $first) { nodes { id name deputyGroups { id name } } }
}`;
const REGISTERED = `query RegisteredTownships { townships(first: 10) { nodes { id name } } }`;
const REGISTERED_HASH = createHash('sha256').update(REGISTERED).digest('hex');
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

interface Townships {
  townships: { nodes: { id: string; name: string; deputyGroups: { id: string; name: string }[] }[] };
}

describe('result cache and persisted operations (#19 part 4)', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({
      config: { resultCacheBytes: 16 * 1024 * 1024, persistedOperations: new Map([[REGISTERED_HASH, REGISTERED]]) },
    });
    await addSecondCounty(t.database.ownerUrl);
  });
  afterAll(() => t.stop());

  const dataVersion = (login: string): Promise<string> =>
    withDatabaseClient(t.database.ownerUrl, async (client) => {
      const { rows } = await client.query<{ v: string }>(
        'select renda_data_version(county_id)::text as v from app_user where login = $1',
        [login],
      );
      return rows[0]!.v;
    });

  const metric = async (outcome: string): Promise<number> => {
    const text = await (await fetch(t.server.url.replace(/\/graphql$/, '/metrics'))).text();
    const line = text.split('\n').find((l) => l.startsWith(`renda_result_cache_lookups_total{outcome="${outcome}"}`));
    return line ? Number(line.split(' ')[1]) : 0;
  };

  it('answers a repeated query from the cache: no data statement, the same answer, a hit on /metrics', async () => {
    const hitsBefore = await metric('hit');
    const missesBefore = await metric('miss');
    const first = await t.countStatements(TOWNSHIPS, { first: 10 });
    expect(first.response.errors).toBeUndefined();
    expect(first.statements).toBeGreaterThan(0);
    expect(await metric('miss')).toBe(missesBefore + 1);
    const controlBefore = t.server.statements.transactionControl;
    const setupBefore = t.server.statements.sessionSetup;
    const second = await t.countStatements(TOWNSHIPS, { first: 10 });
    expect(second.statements).toBe(0);
    // one probe (session and data version) and no transaction at all
    expect(t.server.statements.transactionControl - controlBefore).toBe(0);
    expect(t.server.statements.sessionSetup - setupBefore).toBe(1);
    expect(second.response).toEqual(first.response);
    expect(await metric('hit')).toBe(hitsBefore + 1);
    expect(await metric('miss')).toBe(missesBefore + 1);
    // other variables are another answer
    const other = await t.countStatements(TOWNSHIPS, { first: 2 });
    expect(other.statements).toBeGreaterThan(0);
    expect(await metric('miss')).toBe(missesBefore + 2);
    expect((other.response.data as unknown as Townships).townships.nodes).toHaveLength(2);
  });

  it('a write in one township invalidates its county’s answers and leaves the other county’s cached', async () => {
    await t.countStatements(TOWNSHIPS, { first: 10 }, { as: 'demo.staff' });
    await t.countStatements(TOWNSHIPS, { first: 10 }, { as: 'simeng.clerk' });
    const otherBefore = await t.countStatements(TOWNSHIPS, { first: 10 }, { as: 'otherdemo.staff' });
    const versionBefore = await dataVersion('demo.staff');
    const otherVersionBefore = await dataVersion('otherdemo.staff');

    const created = await t.graphql<{ createDeputyGroup: { id: string } }>(
      'mutation ($input: CreateDeputyGroupInput!) { createDeputyGroup(input: $input) { id } }',
      { input: { name: '缓存测试小组' } },
      { as: 'qunli.clerk' },
    );
    expect(created.errors).toBeUndefined();
    expect(BigInt(await dataVersion('demo.staff'))).toBeGreaterThan(BigInt(versionBefore));
    expect(await dataVersion('otherdemo.staff')).toBe(otherVersionBefore);

    const staff = await t.countStatements(TOWNSHIPS, { first: 10 }, { as: 'demo.staff' });
    expect(staff.statements).toBeGreaterThan(0);
    const groups = (staff.response.data as unknown as Townships).townships.nodes.flatMap((n) => n.deputyGroups);
    expect(groups.map((g) => g.id)).toContain(created.data!.createDeputyGroup.id);
    // another township of the same county reads its county's version: recomputed too (never stale)
    expect((await t.countStatements(TOWNSHIPS, { first: 10 }, { as: 'simeng.clerk' })).statements).toBeGreaterThan(0);
    const other = await t.countStatements(TOWNSHIPS, { first: 10 }, { as: 'otherdemo.staff' });
    expect(other.statements).toBe(0);
    expect(other.response).toEqual(otherBefore.response);
  });

  it('bumps the version in the writing transaction: a rolled-back write leaves it and the cache as they were', async () => {
    const cached = await t.countStatements(TOWNSHIPS, { first: 10 }, { as: 'demo.staff' });
    expect(cached.response.errors).toBeUndefined();
    const before = await dataVersion('demo.staff');
    await withDatabaseClient(t.database.ownerUrl, async (client) => {
      await client.query('begin');
      await client.query(
        `update township set name = name || '改' where county_id = (select county_id from app_user where login = 'demo.staff')`,
      );
      const inside = await client.query<{ v: string }>(
        `select renda_data_version(county_id)::text as v from app_user where login = 'demo.staff'`,
      );
      expect(BigInt(inside.rows[0]!.v)).toBeGreaterThan(BigInt(before));
      // not visible outside the transaction before it commits
      expect(await dataVersion('demo.staff')).toBe(before);
      await client.query('rollback');
    });
    expect(await dataVersion('demo.staff')).toBe(before);
    const again = await t.countStatements(TOWNSHIPS, { first: 10 }, { as: 'demo.staff' });
    expect(again.statements).toBe(0);
    expect(again.response).toEqual(cached.response);
  });

  it('bumps the version for writes by the owner role (seed, import, migrations), in bulk and for platform rows', async () => {
    const staff = await dataVersion('demo.staff');
    const other = await dataVersion('otherdemo.staff');
    await withDatabaseClient(t.database.ownerUrl, (client) =>
      client.query(
        `update township set name = name where county_id = (select county_id from app_user where login = 'demo.staff')`,
      ),
    );
    expect(BigInt(await dataVersion('demo.staff'))).toBe(BigInt(staff) + 1n);
    expect(await dataVersion('otherdemo.staff')).toBe(other);
    // a platform row (county_id null) concerns every county
    await withDatabaseClient(t.database.ownerUrl, (client) =>
      client.query(`update metric_definition set name_zh = name_zh where county_id is null`),
    );
    expect(BigInt(await dataVersion('demo.staff'))).toBe(BigInt(staff) + 2n);
    expect(BigInt(await dataVersion('otherdemo.staff'))).toBe(BigInt(other) + 1n);
  });

  it('never hands one caller’s cached answer to another: same document and variables, concurrently', async () => {
    const callers = [
      'qunli.clerk',
      'simeng.clerk',
      'qunli.viewer',
      'demo.staff',
      'demo.analyst',
      'otherdemo.staff',
      'otherqunli.clerk',
    ];
    // each caller's own answer, uncached, then every caller at once, three rounds
    const own = new Map<string, unknown>();
    for (const login of callers) {
      await withDatabaseClient(t.database.ownerUrl, (client) =>
        client.query(`update county set name = name where id = (select county_id from app_user where login = $1)`, [
          login,
        ]),
      );
      own.set(login, (await t.graphql(TOWNSHIPS, { first: 10 }, { as: login })).data);
    }
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all(callers.map((login) => t.graphql(TOWNSHIPS, { first: 10 }, { as: login })));
      answers.forEach((answer, i) => expect(answer.data).toEqual(own.get(callers[i]!)));
    }
    const names = (login: string) => (own.get(login) as Townships).townships.nodes.map((n) => n.name);
    // the answers really differ: a shared entry would have failed above
    expect(names('qunli.clerk')).toHaveLength(1);
    expect(names('simeng.clerk')).toHaveLength(1);
    expect(names('qunli.clerk')).not.toEqual(names('simeng.clerk'));
    const ids = (login: string) => (own.get(login) as Townships).townships.nodes.map((n) => n.id);
    expect(ids('demo.staff').length).toBeGreaterThan(1);
    expect(ids('otherdemo.staff').filter((id) => ids('demo.staff').includes(id))).toEqual([]);
  });

  it('GET answers with an ETag carrying the version, 304 on If-None-Match, and a new ETag after a write', async () => {
    const auth = { authorization: `Bearer ${await t.token('demo.staff')}`, ...PREFLIGHT };
    const params = { query: TOWNSHIPS, variables: JSON.stringify({ first: 3 }) };
    const first = await fetch(`${t.server.url}?${new URLSearchParams(params)}`, { headers: auth });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const body = await first.json();

    const revalidated = await fetch(`${t.server.url}?${new URLSearchParams(params)}`, {
      headers: { ...auth, 'if-none-match': etag! },
    });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');

    // another caller with the same ETag gets the full answer: the ETag is the caller's key
    const clerk = await fetch(`${t.server.url}?${new URLSearchParams(params)}`, {
      headers: { authorization: `Bearer ${await t.token('qunli.clerk')}`, ...PREFLIGHT, 'if-none-match': etag! },
    });
    expect(clerk.status).toBe(200);
    expect(clerk.headers.get('etag')).not.toBe(etag);

    await withDatabaseClient(t.database.ownerUrl, (client) =>
      client.query(
        `update township set name = name where county_id = (select county_id from app_user where login = 'demo.staff')`,
      ),
    );
    const changed = await fetch(`${t.server.url}?${new URLSearchParams(params)}`, {
      headers: { ...auth, 'if-none-match': etag! },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.json()).toEqual(body);
  });

  it('keeps CSRF prevention on GET: without a preflight header a GET is refused', async () => {
    const response = await fetch(`${t.server.url}?${new URLSearchParams({ query: REGISTERED })}`, {
      headers: { authorization: `Bearer ${await t.token('demo.staff')}` },
    });
    expect(response.status).toBe(400);
  });

  it('runs a registered operation by its hash (GET and POST) and refuses an unknown or malformed hash with a code', async () => {
    const auth = { authorization: `Bearer ${await t.token('demo.staff')}`, ...PREFLIGHT };
    const byDocument = await t.graphql(REGISTERED);
    const extensions = (hash: unknown) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    const get = await t.get({ operationName: 'RegisteredTownships', extensions: extensions(REGISTERED_HASH) }, auth);
    expect(get.status).toBe(200);
    expect(get.json).toEqual(byDocument);
    const post = await t.post({ extensions: JSON.parse(extensions(REGISTERED_HASH)) as unknown }, auth);
    expect(post.json).toEqual(byDocument);

    const unknown = await t.get({ extensions: extensions('0'.repeat(64)) }, auth);
    expect(unknown.status).toBe(404);
    expect(unknown.json?.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'PERSISTED_QUERY_NOT_FOUND',
    });
    const malformed = await t.post({ extensions: JSON.parse(extensions('not-a-hash')) as unknown }, auth);
    expect(malformed.status).toBe(400);
    expect(malformed.json?.errors?.[0]?.extensions).toMatchObject({ reason: 'PERSISTED_QUERY_INVALID' });
    // unregistered documents keep working (analysts' ad-hoc queries, the explorer)
    expect((await t.graphql(`{ townships(first: 1) { nodes { name } } }`)).errors).toBeUndefined();
  });

  it('never caches answers with errors', async () => {
    const missing = `query Missing { township(id: "00000000-0000-7000-8000-000000000000") { name } }`;
    const a = await t.countStatements(missing);
    expect(a.response.errors?.length).toBeGreaterThan(0);
    expect(a.statements).toBeGreaterThan(0);
    const b = await t.countStatements(missing);
    expect(b.response.errors).toEqual(a.response.errors);
    // executed again: the refusal was not stored
    expect(b.statements).toBe(a.statements);
  });
});
