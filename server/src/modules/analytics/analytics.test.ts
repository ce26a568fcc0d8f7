import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';

interface Cell {
  townshipId: string;
  periodIndex: number;
  metricKey: string;
  value: number | null;
  rawValue: number | null;
  numerator: number | null;
  denominator: number | null;
  provenance: string | null;
  qualifier: string;
  rank: number | null;
  smallSample: boolean;
}
interface Comparison {
  compareTownships: { townships: { id: string; code: string; deputies: number }[]; cells: Cell[] };
}

const COMPARE = `query ($county: ID!, $keys: [String!]!, $periods: [PeriodInput!]!, $normalize: Normalization) {
  compareTownships(countyId: $county, metricKeys: $keys, periods: $periods, normalize: $normalize) {
    townships { id code deputies }
    cells { townshipId periodIndex metricKey value rawValue numerator denominator provenance qualifier rank smallSample }
  }
}`;
const codeOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['code'];

describe('county comparison and analyst queries', () => {
  let t: TestServer;
  let countyId: string;
  const idOf = new Map<string, string>();

  const compare = (keys: string[], periods: object[], normalize = 'NONE', as = 'demo.staff') =>
    t.graphql<Comparison>(COMPARE, { county: countyId, keys, periods, normalize }, { as });
  const cellOf = (res: GraphQLResponse<Comparison>, code: string, metricKey: string, periodIndex = 0) =>
    res.data!.compareTownships.cells.find(
      (c) => c.townshipId === idOf.get(code) && c.metricKey === metricKey && c.periodIndex === periodIndex,
    )!;

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.staff' });
    const me = await t.graphql<{ me: { countyId: string }; townships: { nodes: { id: string; code: string }[] } }>(
      '{ me { countyId } townships(first: 10) { nodes { id code } } }',
    );
    countyId = me.data!.me.countyId;
    for (const n of me.data!.townships.nodes) idOf.set(n.code, n.id);
  });
  afterAll(() => t.stop());

  it('compares with report figures: 思蒙镇 completes 11 of 11, 镇江镇 turnout 36,196 of 38,590, unknown stays null', async () => {
    const res = await compare(
      ['suggestion_completion_rate', 'election_turnout', 'government_reports_heard', 'letter_reply_rate'],
      [{ year: 2021 }],
    );
    expect(res.errors).toBeUndefined();
    expect(cellOf(res, 'SIMENG', 'suggestion_completion_rate')).toMatchObject({
      value: 100,
      numerator: 11,
      denominator: 11,
      provenance: 'REPORTED',
      smallSample: false,
    });
    expect(cellOf(res, 'ZHENJIANG', 'election_turnout')).toMatchObject({
      value: 93.8,
      numerator: 36196,
      denominator: 38590,
      provenance: 'REPORTED',
    });
    expect(cellOf(res, 'ZHENJIANG', 'government_reports_heard')).toMatchObject({ value: null, rank: null });
    // 3 letters, all answered: 100%, but on too few cases to compare.
    expect(cellOf(res, 'SIMENG', 'letter_reply_rate')).toMatchObject({
      value: 100,
      numerator: 3,
      denominator: 3,
      smallSample: true,
    });
  });

  it('flags synthetic quarterly figures and ranks townships in the metric’s direction', async () => {
    const res = await compare(['meetings_held', 'supervisions'], [{ year: 2021, quarter: 3 }, { year: 2021 }]);
    const quarterly = res.data!.compareTownships.cells.filter(
      (c) => c.periodIndex === 0 && c.metricKey === 'supervisions' && c.value !== null,
    );
    expect(quarterly.some((c) => c.provenance === 'SYNTHETIC')).toBe(true);
    const yearly = res.data!.compareTownships.cells.filter(
      (c) => c.periodIndex === 1 && c.metricKey === 'meetings_held',
    );
    const known = yearly.filter((c) => c.value !== null).sort((a, b) => b.value! - a.value!);
    expect(known[0]!.rank).toBe(1);
    for (const [i, cell] of known.entries()) {
      const better = known.filter((c) => c.value! > cell.value!).length;
      expect([i, cell.rank]).toEqual([i, better + 1]);
    }
    expect(cellOf(res, 'ZHENJIANG', 'supervisions', 1)).toMatchObject({ value: 30, qualifier: 'AT_LEAST' });
  });

  it('normalises counts per 10 serving deputies so townships of different size compare fairly', async () => {
    const plain = await compare(['meetings_held', 'suggestion_completion_rate'], [{ year: 2021 }]);
    const per = await compare(['meetings_held', 'suggestion_completion_rate'], [{ year: 2021 }], 'PER_DEPUTY');
    const deputies = new Map(per.data!.compareTownships.townships.map((tw) => [tw.code, tw.deputies]));
    expect(deputies.get('ZHENJIANG')).toBe(96);
    expect(deputies.get('QUNLI')).toBe(70);
    const zj = cellOf(per, 'ZHENJIANG', 'meetings_held');
    expect(zj).toMatchObject({ rawValue: 4, value: Math.round((4 / 96) * 10 * 100) / 100 });
    // Rates are not normalised.
    expect(cellOf(per, 'SIMENG', 'suggestion_completion_rate').value).toBe(
      cellOf(plain, 'SIMENG', 'suggestion_completion_rate').value,
    );
  });

  it('refuses other counties, unknown metrics and township roles', async () => {
    const other = await t.graphql(COMPARE, {
      county: '00000000-0000-7000-8000-000000000000',
      keys: ['meetings_held'],
      periods: [{ year: 2021 }],
    });
    expect(codeOf(other)).toBe('NOT_FOUND');
    const unknown = await compare(['no_such_metric'], [{ year: 2021 }]);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['metricKeys', 0] });
    expect(codeOf(await compare(['meetings_held'], [{ year: 2021 }], 'NONE', 'qunli.clerk'))).toBe('FORBIDDEN');
    expect((await compare(['meetings_held'], [{ year: 2021 }], 'NONE', 'demo.analyst')).errors).toBeUndefined();
  });

  it('shows who reported on time, late or not at all, and the county’s reporting and on-time rates', async () => {
    const sent = await t.graphql(
      'mutation ($i: SubmitQuarterlyReportInput!) { submitQuarterlyReport(input: $i) { report { late } } }',
      { i: { year: 2022, quarter: 1, idempotencyKey: 'status-test-2022-q1', expectedVersion: 0, values: [] } },
      { as: 'qunli.clerk' },
    );
    expect(sent.errors).toBeUndefined();
    const board = await t.graphql<{
      reportingStatus: {
        due: number;
        reportingRate: number;
        onTimeRate: number;
        cells: { townshipId: string; quarter: number; status: string }[];
      };
    }>(
      'query ($c: ID!) { reportingStatus(countyId: $c, year: 2022) { due reportingRate onTimeRate cells { townshipId quarter status } } }',
      { c: countyId },
    );
    const status = (code: string, quarter: number) =>
      board.data!.reportingStatus.cells.find((c) => c.townshipId === idOf.get(code) && c.quarter === quarter)!.status;
    expect(status('QUNLI', 1)).toBe('SUBMITTED_LATE');
    expect(status('SIMENG', 1)).toBe('MISSING');
    // The unnamed town has never filed a quarterly report nor any record coverage: nothing is due from it.
    expect(status('UNNAMED', 1)).toBe('NOT_REQUIRED');
    expect(board.data!.reportingStatus).toMatchObject({ due: 16, reportingRate: 6.25, onTimeRate: 0 });
    const seeded = await t.graphql<{ reportingStatus: { cells: { status: string }[]; reportingRate: number } }>(
      'query ($c: ID!) { reportingStatus(countyId: $c, year: 2021) { reportingRate cells { status } } }',
      { c: countyId },
    );
    expect(seeded.data!.reportingStatus.cells.filter((c) => c.status === 'ACCEPTED')).toHaveLength(16);
    expect(seeded.data!.reportingStatus.reportingRate).toBe(100);
  });

  it('groups records in PostgreSQL: deputies by level, activities by township and type', async () => {
    const deputies = await t.graphql<{ aggregate: { rows: { keys: string[]; count: number }[] } }>(
      'query ($c: ID!, $i: AggregateInput!) { aggregate(countyId: $c, input: $i) { rows { keys count } } }',
      { c: countyId, i: { subject: 'DEPUTY', groupBy: ['TOWNSHIP', 'LEVEL'], townshipIds: [idOf.get('ZHENJIANG')] } },
    );
    expect(deputies.data!.aggregate.rows).toEqual([
      { keys: ['镇江镇', 'COUNTY_OR_CITY'], count: 15 },
      { keys: ['镇江镇', 'TOWNSHIP'], count: 81 },
    ]);
    const acts = await t.graphql<{
      aggregate: { measure: string; rows: { keys: string[]; count: number; sum: number }[] };
    }>(
      'query ($c: ID!, $i: AggregateInput!) { aggregate(countyId: $c, input: $i) { measure rows { keys count sum } } }',
      { c: countyId, i: { subject: 'ACTIVITY', groupBy: ['TYPE'], from: '2021-01-01', to: '2021-12-31' } },
    );
    const total = await t.graphql<{ activities: { totalCount: number } }>(
      '{ activities(first: 0, filter: { from: "2021-01-01", to: "2021-12-31" }) { totalCount } }',
    );
    expect(acts.data!.aggregate.rows.reduce((s, r) => s + r.count, 0)).toBe(total.data!.activities.totalCount);
    expect(acts.data!.aggregate.rows.find((r) => r.keys[0] === 'CONGRESS_SESSION')!.sum).toBeGreaterThanOrEqual(60);
    const wrong = await t.graphql(
      'query ($c: ID!, $i: AggregateInput!) { aggregate(countyId: $c, input: $i) { measure } }',
      {
        c: countyId,
        i: { subject: 'DEPUTY', groupBy: ['OUTCOME_CLASS'] },
      },
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'groupBy', 0] });
  });

  it('analyses suggestions by state and cohort, and trends a metric with year-over-year change', async () => {
    const res = await t.graphql<{
      suggestionAnalytics: {
        total: number;
        byState: { key: string; count: number }[];
        completionByQuarter: { received: number; completed: number }[];
      };
    }>(
      'query ($c: ID!, $t: ID) { suggestionAnalytics(countyId: $c, year: 2021, townshipId: $t) { total byState { key count } completionByQuarter { received completed } } }',
      { c: countyId, t: idOf.get('SIMENG') },
    );
    expect(res.data!.suggestionAnalytics.total).toBe(11);
    expect(res.data!.suggestionAnalytics.byState).toEqual([{ key: 'COMPLETED', count: 11 }]);
    expect(res.data!.suggestionAnalytics.completionByQuarter.reduce((s, c) => s + c.completed, 0)).toBe(11);
    const trend = await t.graphql<{
      metricTrend: {
        points: { period: { quarter: number }; value: number | null; yearOverYearChange: number | null }[];
      };
    }>(
      'query ($c: ID!, $t: ID) { metricTrend(countyId: $c, townshipId: $t, metricKey: "suggestions_completed", fromYear: 2021, toYear: 2022) { points { period { quarter } value yearOverYearChange } } }',
      { c: countyId, t: idOf.get('SIMENG') },
    );
    const points = trend.data!.metricTrend.points;
    expect(points).toHaveLength(8);
    expect(points.slice(0, 4).reduce((s, p) => s + (p.value ?? 0), 0)).toBe(11);
  });

  it('lets a county admin extend the catalog without code: a new rate compares at once', async () => {
    const define = (input: Record<string, unknown>) =>
      t.graphql(
        'mutation ($i: DefineMetricInput!) { defineMetric(input: $i) { key countyId } }',
        { i: input },
        { as: 'demo.admin' },
      );
    const base = {
      nameZh: '来信占来访比',
      nameEn: 'Letters per visit',
      unit: '%',
      kind: 'RATE',
      higherIsBetter: false,
      computation: 'letters_received ÷ visitors_received',
    };
    const created = await define({
      ...base,
      key: 'letters_per_visit',
      numeratorKey: 'letters_received',
      denominatorKey: 'visitors_received',
    });
    expect(created.errors).toBeUndefined();
    expect(
      codeOf(
        await define({
          ...base,
          key: 'letters_per_visit',
          numeratorKey: 'letters_received',
          denominatorKey: 'visitors_received',
        }),
      ),
    ).toBe('CONFLICT');
    const noParts = await define({ ...base, key: 'broken_rate' });
    expect(noParts.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'numeratorKey'] });
    const byStaff = await t.graphql('mutation ($i: DefineMetricInput!) { defineMetric(input: $i) { key } }', {
      i: { ...base, key: 'staff_metric', numeratorKey: 'letters_received', denominatorKey: 'visitors_received' },
    });
    expect(codeOf(byStaff)).toBe('FORBIDDEN');
    const res = await compare(['letters_per_visit'], [{ year: 2021 }]);
    expect(cellOf(res, 'SIMENG', 'letters_per_visit')).toMatchObject({
      value: 12,
      numerator: 3,
      denominator: 25,
      provenance: 'REPORTED',
    });
  });

  it('gives the same figures as series aligned with the townships, for charts', async () => {
    const res = await t.graphql<{
      compareTownships: Comparison['compareTownships'] & {
        series: { periodIndex: number; metricKey: string; values: (number | null)[]; ranks: (number | null)[] }[];
      };
    }>(
      `query ($county: ID!, $keys: [String!]!, $periods: [PeriodInput!]!) {
        compareTownships(countyId: $county, metricKeys: $keys, periods: $periods, normalize: PER_DEPUTY) {
          townships { id code deputies }
          cells { townshipId periodIndex metricKey value rawValue numerator denominator provenance qualifier rank smallSample }
          series { periodIndex metricKey values ranks smallSample }
        }
      }`,
      {
        county: countyId,
        keys: ['meetings_held', 'suggestion_completion_rate'],
        periods: [{ year: 2021, quarter: 2 }, { year: 2021 }],
      },
    );
    expect(res.errors).toBeUndefined();
    const { townships, cells, series } = res.data!.compareTownships;
    expect(series.map((s) => `${s.periodIndex}:${s.metricKey}`)).toEqual([
      '0:meetings_held',
      '0:suggestion_completion_rate',
      '1:meetings_held',
      '1:suggestion_completion_rate',
    ]);
    for (const s of series) {
      const cellFor = (townshipId: string) =>
        cells.find(
          (c) => c.townshipId === townshipId && c.periodIndex === s.periodIndex && c.metricKey === s.metricKey,
        )!;
      expect(s.values).toEqual(townships.map((tw) => cellFor(tw.id).value));
      expect(s.ranks).toEqual(townships.map((tw) => cellFor(tw.id).rank));
    }
    expect(series.flatMap((s) => s.values).some((v) => v !== null)).toBe(true);
  });

  it('counts records only for figures that were not reported, and only for the metrics asked for', async () => {
    // Every township holds all its activities since 2018 and reports meetings_held (but not inspections)
    // for 2018 Q1; its 2018 Q2 report states no figure, so Q2 is counted from the (complete) records.
    await withDatabaseClient(t.database.url, async (su) => {
      await su.query(
        `insert into record_coverage (id, township_id, county_id, record_kind, recorded_since, provenance)
         select gen_random_uuid(), t.id, t.county_id, k, '2018-01-01', 'RECORDED'
           from township t cross join (values ('ACTIVITY'), ('CONGRESS_SESSION')) v(k) where t.county_id = $1`,
        [countyId],
      );
      await su.query(
        `with r as (
           insert into quarterly_report (id, township_id, county_id, year, quarter, state, version, submitted_at, provenance)
           select gen_random_uuid(), t.id, t.county_id, 2018, q, 'ACCEPTED', 1, now(), 'REPORTED'
             from township t cross join generate_series(1, 2) q where t.county_id = $1 returning id, township_id, county_id, quarter)
         insert into quarterly_report_value (id, township_id, county_id, report_id, metric_key, reported_value, provenance)
         select gen_random_uuid(), r.township_id, r.county_id, r.id, 'meetings_held', 7, 'REPORTED' from r where r.quarter = 1`,
        [countyId],
      );
      await su.query(
        `insert into activity (id, township_id, county_id, type, title, occurred_on, provenance)
         select gen_random_uuid(), t.id, t.county_id, 'DEPUTY_MEETING', '测试会议', d::date, 'RECORDED'
           from township t cross join (values ('2018-02-10'), ('2018-05-10')) v(d) where t.county_id = $1`,
        [countyId],
      );
    });
    const statementsOf = async (keys: string[], periods: object[]) => {
      const { statements, response } = await t.countStatements(COMPARE, {
        county: countyId,
        keys,
        periods,
        normalize: 'NONE',
      });
      expect(response.errors).toBeUndefined();
      const cells = (response.data as unknown as Comparison).compareTownships.cells;
      return { statements, cells };
    };
    const reported = await statementsOf(['meetings_held'], [{ year: 2018, quarter: 1 }]);
    expect(reported.cells.map((c) => [c.value, c.provenance])).toEqual(reported.cells.map(() => [7, 'REPORTED']));
    const recorded = await statementsOf(['meetings_held'], [{ year: 2018, quarter: 2 }]);
    expect(recorded.cells.map((c) => [c.value, c.provenance])).toEqual(recorded.cells.map(() => [1, 'RECORDED']));
    // The recorded counts are one more statement, run only when some requested figure was not reported.
    expect(recorded.statements).toBe(reported.statements + 1);
    const mixed = await statementsOf(['meetings_held', 'inspections'], [{ year: 2018, quarter: 1 }]);
    expect(mixed.statements).toBe(recorded.statements);
    expect(mixed.cells.filter((c) => c.metricKey === 'inspections').map((c) => c.provenance)).toEqual(
      mixed.cells.filter((c) => c.metricKey === 'inspections').map(() => 'RECORDED'),
    );
  });

  it('runs the same number of SQL statements to compare 5 townships or 50', async () => {
    const variables = {
      county: countyId,
      keys: ['meetings_held', 'inspections', 'suggestion_completion_rate', 'letter_reply_rate'],
      periods: [{ year: 2021, quarter: 1 }, { year: 2021, quarter: 2 }, { year: 2021 }],
    };
    const five = await t.countStatements(COMPARE, variables);
    expect(five.response.errors).toBeUndefined();
    await withDatabaseClient(t.database.url, async (su) => {
      await su.query(
        `insert into township (id, created_at, updated_at, county_id, code, name, name_en, provenance)
         select gen_random_uuid(), now(), now(), $1, 'EXTRA' || g, '测试镇' || g, 'Extra ' || g, 'SYNTHETIC' from generate_series(1, 45) g`,
        [countyId],
      );
    });
    const fifty = await t.countStatements(COMPARE, variables);
    expect((fifty.response.data as unknown as Comparison).compareTownships.townships).toHaveLength(50);
    expect(fifty.statements).toBe(five.statements);
    expect(five.statements).toBeLessThanOrEqual(6);
  });
});
