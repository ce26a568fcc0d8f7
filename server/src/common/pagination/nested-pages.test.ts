import { startTestServer, type TestServer } from '../../test-support/test-server.js';

interface ActivityNode {
  id: string;
  title: string;
  occurredOn: string;
}

interface ActivityPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  nodes: ActivityNode[];
  edges: { cursor: string; node: ActivityNode }[];
}

interface Drill {
  townships: { nodes: { id: string; name: string; deputies: { nodes: { id: string; activities: ActivityPage }[] } }[] };
}

/** B2 of the benchmark (bench/src/workloads.ts) with edges and pageInfo too. */
const DRILL = `query ($first: Int!, $after: String) {
  townships(first: 10) {
    nodes { id name deputies(first: 50) { nodes { id name
      activities(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        nodes { id title occurredOn }
        edges { cursor node { id title occurredOn } }
      }
    } } }
  }
}`;

const ONE_DEPUTY = `query ($id: ID!) { deputy(id: $id) { activities(first: 200) { totalCount nodes { id title occurredOn } } } }`;

describe('nested connections: one statement per level, same pages with or without a cursor', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  const deputiesOf = (data: Drill) => data.townships.nodes.flatMap((township) => township.deputies.nodes);

  it('answers the analyst drill-down in three statements, pages matching each deputy’s whole list', async () => {
    const { statements, response } = await t.countStatements(DRILL, { first: 3 }, { as: 'demo.analyst' });
    expect(response.errors).toBeUndefined();
    expect(statements).toBe(3);
    const deputies = deputiesOf(response.data as unknown as Drill);
    const withActivities = deputies.filter((d) => d.activities.totalCount > 3).slice(0, 5);
    expect(withActivities.length).toBeGreaterThan(0);
    for (const deputy of deputies.slice(0, 20).concat(withActivities)) {
      const whole = await t.graphql<{ deputy: { activities: { totalCount: number; nodes: ActivityNode[] } } }>(
        ONE_DEPUTY,
        { id: deputy.id },
        { as: 'demo.analyst' },
      );
      const all = whole.data!.deputy.activities;
      const page = deputy.activities;
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.nodes).toEqual(all.nodes.slice(0, 3));
      expect(page.edges.map((e) => e.node)).toEqual(page.nodes);
      expect(page.pageInfo).toMatchObject({ hasNextPage: all.totalCount > 3, hasPreviousPage: false });
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    }
  });

  it('continues every deputy’s list after a cursor, keeping the totals (also past the end)', async () => {
    const first = await t.graphql<Drill>(DRILL, { first: 2 }, { as: 'demo.analyst' });
    const deputy = deputiesOf(first.data!).find((d) => d.activities.totalCount > 3)!;
    const next = await t.countStatements(
      DRILL,
      { first: 2, after: deputy.activities.pageInfo.endCursor },
      { as: 'demo.analyst' },
    );
    expect(next.response.errors).toBeUndefined();
    expect(next.statements).toBe(3);
    const same = deputiesOf(next.response.data as unknown as Drill).find((d) => d.id === deputy.id)!;
    const whole = await t.graphql<{ deputy: { activities: { nodes: ActivityNode[] } } }>(
      ONE_DEPUTY,
      { id: deputy.id },
      { as: 'demo.analyst' },
    );
    expect(same.activities.totalCount).toBe(deputy.activities.totalCount);
    expect(same.activities.nodes).toEqual(whole.data!.deputy.activities.nodes.slice(2, 4));
    expect(same.activities.pageInfo.hasPreviousPage).toBe(true);

    const last = whole.data!.deputy.activities.nodes.length;
    const end = await t.graphql<Drill>(
      DRILL,
      { first: last, after: deputy.activities.pageInfo.endCursor },
      { as: 'demo.analyst' },
    );
    const tail = deputiesOf(end.data!).find((d) => d.id === deputy.id)!;
    const beyond = await t.graphql<Drill>(
      DRILL,
      { first: 5, after: tail.activities.pageInfo.endCursor },
      { as: 'demo.analyst' },
    );
    const empty = deputiesOf(beyond.data!).find((d) => d.id === deputy.id)!;
    expect(empty.activities.nodes).toEqual([]);
    expect(empty.activities.totalCount).toBe(deputy.activities.totalCount);
  });

  it('selects only what the nodes need, and everything for fields it cannot map', async () => {
    // The analyst role cannot read deputy.phone: a page selecting it would fail with permission denied.
    const wide = await t.countStatements(
      `{ townships(first: 3) { nodes { deputies(first: 5) { nodes { id termId stationId township { name } station { name }
          activities(first: 2) { nodes { id type topic place outcome stationId groupId sessionId createdAt updatedAt provenance
            datePrecision countyId townshipId } } } } } } }`,
      {},
      { as: 'demo.analyst' },
    );
    expect(wide.response.errors).toBeUndefined();
    const narrow = await t.graphql(
      `{ townships(first: 3) { nodes { deputies(first: 5) { nodes { id ... on Deputy { activities(first: 2) {
          edges { node { ...A } } } } } } } } } fragment A on Activity { id occurredOn }`,
      {},
      { as: 'demo.analyst' },
    );
    expect(narrow.errors).toBeUndefined();
  });
});
