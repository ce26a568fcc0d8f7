import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../../config/app-config.js';
import { describeRoutes, recordOperation, routeOf, type StatementRoute } from '../../test-support/citus-routing.js';
import { citusCluster, withDatabaseClient } from '../../test-support/test-cluster.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { READ_DEPUTIES, RECORD_ACTIVITY } from '../../fault/fault-client.js';

// The operations of issue #20's routing promise, exactly as clients send them.
const COMPARE = `query ($county: ID!, $keys: [String!]!, $periods: [PeriodInput!]!) {
  compareTownships(countyId: $county, metricKeys: $keys, periods: $periods, normalize: NONE) {
    townships { id code name }
    series { periodIndex metricKey values ranks }
  }
}`;
/** The dashboard's own township page document. */
const TOWNSHIP_PAGE = readFileSync(
  join(findRepoRoot(), 'dashboard/src/features/township/operations/township-overview.graphql'),
  'utf8',
);
/** The dashboard's summary documents (a year's, a term's), with the fragment they spread. */
const summaryDocument = (file: string) =>
  [file, 'summary-fields.graphql']
    .map((f) => readFileSync(join(findRepoRoot(), 'dashboard/src/features/township/operations', f), 'utf8'))
    .join('\n');
const SUBMIT = `mutation ($input: SubmitQuarterlyReportInput!) {
  submitQuarterlyReport(input: $input) { replayed unchanged report { id state version revision } }
}`;

/**
 * Single-shard requests on the Citus cluster: every statement a county-scoped operation sends is planned
 * by Citus as one task, and all of them name shards of one shard group (the county's), so the request is
 * served by one worker. Read from EXPLAIN of the statements the real operation sent, replayed as the
 * application role under the request's own identity statement.
 */
describe('routing on the Citus cluster', () => {
  let t: TestServer;
  let countyId: string;
  let qunliId: string;

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.staff' });
    const me = await t.graphql<{ me: { countyId: string }; townships: { nodes: { id: string; code: string }[] } }>(
      '{ me { countyId } townships(first: 10) { nodes { id code } } }',
    );
    countyId = me.data!.me.countyId;
    qunliId = me.data!.townships.nodes.find((n) => n.code === 'QUNLI')!.id;
  });
  afterAll(() => t?.stop());

  /** Asserts one shard group for the whole request, and returns the routes for further checks. */
  async function expectSingleShardGroup(
    query: string,
    variables: Record<string, unknown>,
    as: string,
  ): Promise<StatementRoute[]> {
    const { statements, errors } = await recordOperation(t, query, variables, as);
    expect(errors).toBeUndefined();
    const routes = await routeOf(t.database.appUrl, statements);
    expect(describeRoutes(routes.filter((r) => r.error))).toEqual([]);
    // Every distributed scan of every statement is one task: a router query.
    expect(describeRoutes(routes.filter((r) => r.taskCounts.some((n) => n > 1)))).toEqual([]);
    // The statements reach distributed tables, and all of them the same shard group (the county's).
    const groups = new Set(routes.flatMap((r) => r.shardGroups).map((g) => g.split(':')[1]));
    expect(groups.size === 1 ? 'one shard group' : describeRoutes(routes)).toBe('one shard group');
    return routes;
  }

  it('runs on a cluster whose tenant tables are distributed by county', async () => {
    expect(citusCluster()).not.toBeNull();
    const kinds = await withDatabaseClient(t.database.url, (su) =>
      su.query<{ table: string; kind: string }>(
        `select logicalrelid::regclass::text as table, partmethod as kind from pg_dist_partition
          where logicalrelid::regclass::text in ('township', 'quarterly_report', 'county')`,
      ),
    );
    expect(Object.fromEntries(kinds.rows.map((r) => [r.table, r.kind]))).toEqual({
      township: 'h',
      quarterly_report: 'h',
      county: 'n',
    });
  });

  it('sends the county comparison to one shard group', async () => {
    await expectSingleShardGroup(
      COMPARE,
      {
        county: countyId,
        keys: ['suggestion_completion_rate', 'election_turnout', 'government_reports_heard'],
        periods: [{ year: 2021 }, { year: 2025, quarter: 1 }],
      },
      'demo.staff',
    );
  });

  it('sends the analyst’s comparison (county-wide aggregates) to one shard group', async () => {
    await expectSingleShardGroup(
      COMPARE,
      { county: countyId, keys: ['letter_reply_rate', 'suggestion_completion_rate'], periods: [{ year: 2021 }] },
      'demo.analyst',
    );
  });

  it('sends the township page to one shard group', async () => {
    await expectSingleShardGroup(TOWNSHIP_PAGE, { id: qunliId }, 'demo.staff');
  });

  it('sends a township’s annual and term summaries, figures and records, to one shard group', async () => {
    const records = (routes: StatementRoute[]) =>
      routes.some((r) => /\bfrom election\b/.test(r.sql) && /\bactivity_participant\b/.test(r.sql));
    const annual = await expectSingleShardGroup(
      summaryDocument('annual-summary.graphql'),
      { townshipId: qunliId, year: 2021, includeSynthetic: true },
      'demo.staff',
    );
    // The year's records (elections, activities with their sessions and participants, suggestions) and
    // its recorded counts are among the routed statements.
    expect(records(annual)).toBe(true);
    expect(annual.some((r) => /\bs_congress_attendance\b/.test(r.sql))).toBe(true);
    // A term with known dates (思蒙镇's) reads its records like a year; sent by the township's clerk.
    const listed = await t.graphql<{
      townships: { nodes: { id: string; terms: { id: string; startedOn: string }[] }[] };
    }>('{ townships(first: 10, filter: { code: "SIMENG" }) { nodes { id terms { id startedOn } } } }');
    const simeng = listed.data!.townships.nodes[0]!;
    const term = simeng.terms.find((candidate) => candidate.startedOn !== null)!;
    const routes = await expectSingleShardGroup(
      summaryDocument('term-summary.graphql'),
      { townshipId: simeng.id, termId: term.id, includeSynthetic: true },
      'simeng.clerk',
    );
    expect(records(routes)).toBe(true);
  });

  it('sends the analyst’s grouped records and suggestion analytics to one shard group', async () => {
    // The attendance measure is a correlated subquery: routed only because it names the county as a value.
    const aggregate = await expectSingleShardGroup(
      `query ($c: ID!, $i: AggregateInput!) { aggregate(countyId: $c, input: $i) { measure rows { keys count sum } } }`,
      { c: countyId, i: { subject: 'ACTIVITY', groupBy: ['TOWNSHIP', 'TYPE'], from: '2021-01-01', to: '2021-12-31' } },
      'demo.analyst',
    );
    expect(aggregate.some((r) => /\bactivity_participant\b/.test(r.sql))).toBe(true);
    // The cohorts' outer join to the sessions, which Citus 12.1 on PostgreSQL 15 refuses unless routed.
    await expectSingleShardGroup(
      `query ($c: ID!) { suggestionAnalytics(countyId: $c, year: 2021) {
        total byState { key count } completionBySession { label received } completionByQuarter { label completed } } }`,
      { c: countyId },
      'demo.analyst',
    );
  });

  it('sends a quarterly submission and a resubmission, their writes and their audit rows, to one shard group', async () => {
    const submit = (expectedVersion: number, reportedValue: number | null) =>
      expectSingleShardGroup(
        SUBMIT,
        {
          input: {
            idempotencyKey: `routing-${Date.now()}-${expectedVersion}`,
            year: 2025,
            quarter: 3,
            expectedVersion,
            values: [{ metricKey: 'resolutions_made', reportedValue }],
          },
        },
        'qunli.clerk',
      );
    // The first submission inserts the values; the second changes one figure and drops another, so its
    // statement updates and deletes value rows as well.
    for (const routes of [await submit(0, 2), await submit(1, null)]) {
      const writes = routes.filter((r) => /\binsert into\b/i.test(r.sql));
      // The report's upsert, then the revision with its values, each an insert routed whole (subplans
      // included): none is pulled to the coordinator and copied into the shard, which Citus refuses
      // under row-level security.
      expect(writes.map((r) => r.sql.match(/\binsert into "?(\w+)/gi)!.join(', '))).toEqual([
        'insert into quarterly_report',
        expect.stringMatching(/^insert into quarterly_report_value, insert into quarterly_report_revision$/i),
      ]);
      expect(writes.every((r) => r.taskCounts.length > 0 && r.taskCounts.every((n) => n === 1))).toBe(true);
      expect(routes.filter((r) => /INSERT\/SELECT method/.test(r.plan)).map((r) => r.sql)).toEqual([]);
    }
  });

  it('sends a clerk’s activity with its participants, and a list of deputies, to one shard group', async () => {
    // The worker-kill test's requests (fault/worker-kill.citus.test.ts): a lookup by id or a list that names
    // no county runs on every worker, so a dead worker would fail every county's requests.
    const deputies = await t.graphql<{ deputies: { nodes: { id: string }[] } }>(
      '{ deputies(first: 2, filter: { status: ACTIVE }) { nodes { id } } }',
      {},
      { as: 'qunli.clerk' },
    );
    const participants = deputies.data!.deputies.nodes.map((d) => ({ deputyId: d.id }));
    expect(participants).toHaveLength(2);
    const routes = await expectSingleShardGroup(
      RECORD_ACTIVITY,
      { input: { type: 'INSPECTION', occurredOn: '2025-03-10', title: `routing-${Date.now()}`, participants } },
      'qunli.clerk',
    );
    expect(routes.some((r) => /^\s*insert into "?activity_participant/i.test(r.sql))).toBe(true);
    // The identity statement's own reads (the session check, the data version) run on the county's worker
    // only: before, the session check by user id ran on every shard and the data version read the
    // platform's shard too (migration identity_and_version_by_county).
    const identity = routes.find((r) => /^\s*execute renda_identity\(/i.test(r.sql))!;
    expect({ groups: identity.shardGroups.length, nodes: identity.nodePorts.length }).toEqual({ groups: 1, nodes: 1 });
    await expectSingleShardGroup(READ_DEPUTIES, {}, 'qunli.clerk');
  });

  it('runs a province-wide aggregate (every county) on all workers, in parallel', async () => {
    const cluster = citusCluster()!;
    await withDatabaseClient(t.database.ownerUrl, async (owner) => {
      const sql = 'select county_id, count(*) as deputies from deputy group by county_id';
      await owner.query('set citus.explain_all_tasks = on');
      const plan = (await owner.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${sql}`)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      const shardCount = Number(
        (
          await owner.query<{ n: string }>(
            "select count(*) as n from pg_dist_shard where logicalrelid = 'deputy'::regclass",
          )
        ).rows[0]!.n,
      );
      expect(plan).toContain(`Task Count: ${shardCount}`);
      const ports = new Set([...plan.matchAll(/Node: host=\S+ port=(\d+)/g)].map((m) => Number(m[1])));
      expect([...ports].sort()).toEqual([...cluster.workers].sort());
      // And it answers for every county.
      const counties = Number((await owner.query<{ n: string }>('select count(*) as n from county')).rows[0]!.n);
      expect((await owner.query(sql)).rowCount).toBe(counties);
    });
  });
});
