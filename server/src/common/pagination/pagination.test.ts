import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { readsOf } from '../../test-support/recorded-reads.js';

interface DeputyPage {
  deputies: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; name: string } }[];
  };
}

const DEPUTY_PAGE = `query ($first: Int!, $after: String, $filter: DeputyFilter) {
  deputies(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name } }
  }
}`;

describe('Relay connections: pagination and filters', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  async function walkDeputies(pageSize: number, filter?: Record<string, unknown>) {
    const seen: { id: string; name: string }[] = [];
    let after: string | null = null;
    let total = -1;
    for (let guard = 0; guard < 1000; guard += 1) {
      const res: GraphQLResponse<DeputyPage> = await t.graphql<DeputyPage>(DEPUTY_PAGE, {
        first: pageSize,
        after,
        filter,
      });
      expect(res.errors).toBeUndefined();
      const page: DeputyPage['deputies'] = res.data!.deputies;
      total = page.totalCount;
      expect(page.edges.length).toBeLessThanOrEqual(pageSize);
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { seen, total };
  }

  it('walks every deputy exactly once, in a stable (name, id) order', async () => {
    const { seen, total } = await walkDeputies(37);
    expect(total).toBeGreaterThan(300);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((d) => d.id)).size).toBe(total);
    const sorted = [...seen].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
    expect(seen.map((d) => d.id)).toEqual(sorted.map((d) => d.id));
    const again = await walkDeputies(100);
    expect(again.seen.map((d) => d.id)).toEqual(seen.map((d) => d.id));
  });

  it('keeps totalCount for the whole filtered list on every page', async () => {
    const first = await t.graphql<DeputyPage>(DEPUTY_PAGE, { first: 5, filter: { level: 'COUNTY_OR_CITY' } });
    const second = await t.graphql<DeputyPage>(DEPUTY_PAGE, {
      first: 5,
      after: first.data!.deputies.pageInfo.endCursor,
      filter: { level: 'COUNTY_OR_CITY' },
    });
    expect(second.data!.deputies.totalCount).toBe(first.data!.deputies.totalCount);
    const firstIds = first.data!.deputies.edges.map((e) => e.node.id);
    expect(second.data!.deputies.edges.some((e) => firstIds.includes(e.node.id))).toBe(false);
  });

  it('reads only the columns a top-level list shows, and counts the rows only when totalCount is asked', async () => {
    const sent = async (query: string) => {
      const { result, reads } = await readsOf(t, 'deputy', () =>
        t.graphql<{ deputies: { totalCount?: number; nodes: { id: string; name: string }[] } }>(query),
      );
      expect(result.errors).toBeUndefined();
      return { deputies: result.data!.deputies, statements: reads };
    };
    const filter = `filter: { level: COUNTY_OR_CITY }`;
    const names = await sent(`{ deputies(first: 5, ${filter}) { nodes { id name } } }`);
    const counted = await sent(`{ deputies(first: 5, ${filter}) { totalCount nodes { id name } } }`);
    expect(names.deputies.nodes).toEqual(counted.deputies.nodes);
    expect(names.deputies.nodes).toHaveLength(5);
    expect(names.statements).toHaveLength(1);
    expect(names.statements[0]).not.toMatch(/count\(/);
    expect(names.statements[0]).not.toMatch(/"birth_year"/);
    expect(counted.statements[0]).toMatch(/count\(/);
    // The count covers the whole filtered list, not the page.
    const all = await walkDeputies(100, { level: 'COUNTY_OR_CITY' });
    expect(counted.deputies.totalCount).toBe(all.seen.length);
    expect(all.seen.length).toBeGreaterThan(5);
  });

  it('filters activities by township, type and date range', async () => {
    const towns = await t.graphql<{ townships: { nodes: { id: string; code: string }[] } }>(
      '{ townships(first: 10) { nodes { id code } } }',
    );
    const qunli = towns.data!.townships.nodes.find((n) => n.code === 'QUNLI')!;
    const res = await t.graphql<{
      activities: { totalCount: number; nodes: { type: string; occurredOn: string; townshipId: string }[] };
    }>(
      `query ($filter: ActivityFilter) { activities(first: 200, filter: $filter) { totalCount nodes { type occurredOn townshipId } } }`,
      {
        filter: {
          townshipId: qunli.id,
          from: '2021-11-01',
          to: '2021-11-30',
          types: ['RESEARCH_VISIT', 'SUPERVISION'],
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.activities.nodes;
    expect(nodes.length).toBe(res.data!.activities.totalCount);
    // 群利镇 in November 2021: the 白芷 research visit (11/8), 阳光问权 (11/10), epidemic supervision (11/11).
    expect(nodes.length).toBeGreaterThanOrEqual(3);
    for (const n of nodes) {
      expect(n.townshipId).toBe(qunli.id);
      expect(['RESEARCH_VISIT', 'SUPERVISION']).toContain(n.type);
      expect(n.occurredOn >= '2021-11-01' && n.occurredOn <= '2021-11-30').toBe(true);
    }
    const dates = nodes.map((n) => n.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('filters suggestions by state', async () => {
    const all = await t.graphql<{ suggestions: { totalCount: number } }>('{ suggestions(first: 1) { totalCount } }');
    const completed = await t.graphql<{ suggestions: { totalCount: number; nodes: { state: string }[] } }>(
      '{ suggestions(first: 200, filter: { states: [COMPLETED] }) { totalCount nodes { state } } }',
    );
    expect(completed.data!.suggestions.totalCount).toBeLessThan(all.data!.suggestions.totalCount);
    expect(completed.data!.suggestions.nodes.every((s) => s.state === 'COMPLETED')).toBe(true);
  });

  it('refuses a forged cursor, a malformed id and an oversized page with BAD_USER_INPUT', async () => {
    const forged = await t.graphql(DEPUTY_PAGE, { first: 5, after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
    expect(forged.errors?.[0]?.extensions?.['messageZh']).toMatch(/游标/);
    const badId = await t.graphql(DEPUTY_PAGE, { first: 5, filter: { townshipId: 'x' } });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'townshipId'] });
    const huge = await t.graphql(DEPUTY_PAGE, { first: 100000 });
    expect(huge.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('answers an unknown id with NOT_FOUND in Chinese and English', async () => {
    const res = await t.graphql('{ deputy(id: "00000000-0000-7000-8000-000000000000") { id } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: ['id'] });
    expect(res.errors?.[0]?.extensions?.['messageZh']).toMatch(/未找到/);
    expect(res.errors?.[0]?.extensions?.['messageEn']).toMatch(/not found/);
  });
});
