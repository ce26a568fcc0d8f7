import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';

/** Issue #13, finding 7: POST /export/csv ran a `saveQuery` and committed it. */
describe('finding 7: the CSV export runs queries only', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.analyst' });
  });
  afterAll(() => t.stop());

  async function exportCsv(body: Record<string, unknown>) {
    const response = await fetch(t.server.url.replace('/graphql', '/export/csv'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('demo.analyst')}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, type: response.headers.get('content-type') ?? '' };
  }

  /** Saved queries of every county, read as the owner: row-level security hides nothing from it. */
  const writes = () =>
    withDatabaseClient(t.database.ownerUrl, async (client) => {
      const saved = await client.query<{ n: string }>('select count(*) as n from saved_query');
      return Number(saved.rows[0]!.n);
    });

  const SAVE =
    'mutation { saveQuery(input: { name: "经导出写入", query: "{ townships { nodes { name } } }" }) { id name } }';

  it.each([
    ['a literal mutation', { query: SAVE }],
    [
      'a mutation with variables',
      {
        query: 'mutation Save($input: SaveQueryInput!) { saveQuery(input: $input) { id } }',
        variables: { input: { name: '经导出写入', query: '{ townships { nodes { name } } }' } },
      },
    ],
    [
      'a mutation behind a harmless query, picked by operationName',
      {
        query: `query Harmless { townships(first: 1) { nodes { name } } } ${SAVE.replace('mutation', 'mutation Save')}`,
        operationName: 'Save',
      },
    ],
    ['a subscription', { query: 'subscription { townships { nodes { name } } }' }],
  ])('refuses %s before it runs, and writes nothing', async (_name, body) => {
    const before = await writes();
    // several at once, as a script replaying the attack would
    const answers = await Promise.all(Array.from({ length: 5 }, () => exportCsv(body)));
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.type).toMatch(/application\/json/);
      const json = JSON.parse(answer.text) as { errors: { extensions: Record<string, unknown> }[] };
      expect(json.errors[0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: ['query'],
        messageEn: expect.stringMatching(/^Export accepts queries only, not a (mutation|subscription)$/) as string,
      });
      expect(json.errors[0]!.extensions['messageZh']).toContain('导出只接受查询');
    }
    expect(await writes()).toBe(before);
  });

  it('still exports a query, and the same mutation still works on /graphql', async () => {
    const exported = await exportCsv({ query: '{ townships(first: 10) { nodes { name } } }' });
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('群利镇');
    const before = await writes();
    const saved = await t.graphql<{ saveQuery: { id: string } }>(SAVE);
    expect(saved.errors).toBeUndefined();
    expect(await writes()).toBe(before + 1);
  });
});
