import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';

const codeOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['code'];

describe('analyst exports, saved queries, data dictionary and incremental sync', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.analyst' });
  });
  afterAll(() => t.stop());

  const exportCsv = async (query: string, login: string | null) =>
    fetch(t.server.url.replace('/graphql', '/export/csv'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(login ? { authorization: `Bearer ${await t.token(login)}` } : {}),
      },
      body: JSON.stringify({ query, filename: '代表名单' }),
    });

  it('exports UTF-8 with a BOM that opens Chinese correctly, under the caller’s role', async () => {
    const res = await exportCsv(
      '{ deputies(first: 200, filter: { level: COUNTY_OR_CITY }) { nodes { name level township { name } } } }',
      'demo.analyst',
    );
    expect([res.status, res.status === 200 ? '' : await res.clone().text()]).toEqual([200, '']);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('name,level,township.name');
    expect(lines.some((l) => l.endsWith(',COUNTY_OR_CITY,镇江镇'))).toBe(true);
    const clerk = new TextDecoder().decode(
      new Uint8Array(
        await (
          await exportCsv('{ deputies(first: 200) { nodes { township { name } } } }', 'qunli.clerk')
        ).arrayBuffer(),
      ).slice(3),
    );
    expect(new Set(clerk.trim().split('\r\n').slice(1))).toEqual(new Set(['群利镇']));
  });

  it('never gives analysts PII, and refuses callers without a token', async () => {
    const pii = await exportCsv('{ deputies(first: 5) { nodes { name contactPhone } } }', 'demo.analyst');
    expect(pii.status).toBe(403);
    expect(await pii.text()).not.toMatch(/1[3-9]\d{9}/);
    expect((await exportCsv('{ deputies(first: 5) { nodes { name } } }', null)).status).toBe(401);
  });

  it('shares saved queries within the county; only the owner changes one', async () => {
    const saved = await t.graphql<{ saveQuery: { id: string } }>(
      'mutation { saveQuery(input: { name: "各镇代表数", query: "{ townships(first: 10) { nodes { name } } }" }) { id } }',
    );
    expect(saved.errors).toBeUndefined();
    const seen = await t.graphql<{ savedQueries: { name: string }[] }>(
      '{ savedQueries { name } }',
      {},
      { as: 'demo.staff' },
    );
    expect(seen.data!.savedQueries.map((q) => q.name)).toContain('各镇代表数');
    const theirs = await t.graphql(
      'mutation ($id: ID!) { deleteSavedQuery(id: $id) }',
      { id: saved.data!.saveQuery.id },
      { as: 'demo.staff' },
    );
    expect(codeOf(theirs)).toBe('NOT_FOUND');
    const bad = await t.graphql('mutation { saveQuery(input: { name: "坏查询", query: "{ townships(" }) { id } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'query'] });
    expect(
      (await t.graphql('mutation ($id: ID!) { deleteSavedQuery(id: $id) }', { id: saved.data!.saveQuery.id })).errors,
    ).toBeUndefined();
    expect(codeOf(await t.graphql('{ savedQueries { name } }', {}, { as: 'qunli.clerk' }))).toBe('FORBIDDEN');
  });

  it('describes every metric and exportable field, marking PII', async () => {
    const res = await t.graphql<{ dataDictionary: { kind: string; name: string; pii: boolean }[] }>(
      '{ dataDictionary { kind name pii } }',
    );
    const entries = res.data!.dataDictionary;
    expect(entries.find((e) => e.name === 'suggestion_completion_rate')).toMatchObject({ kind: 'METRIC', pii: false });
    expect(entries.find((e) => e.name === 'Deputy.contactPhone')).toMatchObject({ kind: 'FIELD', pii: true });
    expect(entries.find((e) => e.name === 'Deputy.name')).toMatchObject({ pii: false });
  });

  it('labels every metric and exportable field in Chinese and English', async () => {
    const res = await t.graphql<{
      dataDictionary: { kind: string; name: string; labelZh: string | null; labelEn: string | null }[];
    }>('{ dataDictionary { kind name labelZh labelEn } }');
    const entries = res.data!.dataDictionary;
    expect(entries.filter((e) => !e.labelZh || !e.labelEn).map((e) => e.name)).toEqual([]);
    expect(entries.find((e) => e.name === 'Township.name')).toMatchObject({ labelZh: '名称', labelEn: 'Name' });
    expect(entries.find((e) => e.name === 'Township.sourceReportTitle')).toMatchObject({ labelZh: '来源报告' });
    expect(entries.find((e) => e.name === 'inspections')?.labelZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('syncs incrementally with updatedSince on lists', async () => {
    const later = await t.graphql<{ deputies: { totalCount: number } }>(
      '{ deputies(first: 0, filter: { updatedSince: "2099-01-01T00:00:00Z" }) { totalCount } }',
    );
    const all = await t.graphql<{ deputies: { totalCount: number } }>(
      '{ deputies(first: 0, filter: { updatedSince: "2000-01-01T00:00:00Z" }) { totalCount } }',
    );
    expect(later.data!.deputies.totalCount).toBe(0);
    expect(all.data!.deputies.totalCount).toBeGreaterThan(300);
  });
});
