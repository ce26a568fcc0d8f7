import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { chinaToday } from '../../common/validation/china-today.js';
import { reportingPeriod } from './landing-periods.service.js';

interface Landing {
  landingPeriods: {
    overviewYear: number | null;
    overviewQuarter: number | null;
    reportingYear: number;
    reportingQuarter: number;
  };
}
const LANDING =
  'query ($county: ID) { landingPeriods(countyId: $county) { overviewYear overviewQuarter reportingYear reportingQuarter } }';
const codeOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['code'];

describe('reportingPeriod: the quarter now due is the latest that has ended', () => {
  it.each([
    ['2026-12-06', 2026, 3],
    ['2026-10-01', 2026, 3],
    ['2026-09-30', 2026, 2],
    ['2026-04-01', 2026, 1],
    ['2027-01-01', 2026, 4],
    ['2027-03-31', 2026, 4],
  ])('on %s: %i Q%i', (today, year, quarter) => {
    expect(reportingPeriod(today)).toEqual({ year, quarter });
  });
});

describe('landingPeriods', () => {
  let t: TestServer;
  let countyId: string;
  const landing = (as = 'demo.staff', county: string | null = null) => t.graphql<Landing>(LANDING, { county }, { as });
  const su = <T>(sql: string) => withDatabaseClient(t.database.url, (c) => c.query(sql).then(() => undefined as T));

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.staff' });
    countyId = (await t.graphql<{ me: { countyId: string } }>('{ me { countyId } }')).data!.me.countyId;
  });
  afterAll(() => t.stop());

  it('opens the seed county on 2021, the year of its reports, as a whole year; the clerk on the quarter now due', async () => {
    const res = await landing();
    expect(res.errors).toBeUndefined();
    const due = reportingPeriod(chinaToday());
    expect(res.data!.landingPeriods).toEqual({
      overviewYear: 2021,
      overviewQuarter: null,
      reportingYear: due.year,
      reportingQuarter: due.quarter,
    });
    expect((await landing('demo.staff', countyId)).data!.landingPeriods.overviewYear).toBe(2021);
  });

  it('is not moved by a newer record, a draft report or a figure dated in the future', async () => {
    const thisYear = Number(chinaToday().slice(0, 4));
    await su(`
      create temp table a as select * from activity order by occurred_on desc limit 1;
      update a set id = gen_random_uuid(), occurred_on = '${thisYear}-01-05';
      insert into activity select * from a;
      create temp table r as select * from quarterly_report limit 1;
      update r set id = gen_random_uuid(), year = ${thisYear - 1}, quarter = 1, state = 'DRAFT', submitted_at = null;
      insert into quarterly_report select * from r;
      create temp table f as select * from period_figure where period_kind = 'YEAR' and value is not null limit 1;
      update f set id = gen_random_uuid(), year = ${thisYear + 2};
      insert into period_figure select * from f;`);
    expect((await landing()).data!.landingPeriods).toMatchObject({ overviewYear: 2021, overviewQuarter: null });
  });

  it('opens on the latest submitted quarter of a year without annual figures, for the township that submitted it', async () => {
    const submitted = await t.graphql(
      `mutation ($input: SubmitQuarterlyReportInput!) { submitQuarterlyReport(input: $input) { report { state } } }`,
      { input: { year: 2022, quarter: 2, idempotencyKey: 'landing-2022-q2', expectedVersion: 0, values: [] } },
      { as: 'qunli.clerk' },
    );
    expect(submitted.errors).toBeUndefined();
    expect((await landing()).data!.landingPeriods).toMatchObject({ overviewYear: 2022, overviewQuarter: 2 });
    expect((await landing('qunli.clerk')).data!.landingPeriods).toMatchObject({
      overviewYear: 2022,
      overviewQuarter: 2,
    });
    // Row-level security: another township's users see only their own township's reports.
    expect((await landing('simeng.clerk')).data!.landingPeriods).toMatchObject({
      overviewYear: 2021,
      overviewQuarter: null,
    });
  });

  it('answers for the caller’s county only, and only to someone signed in', async () => {
    expect(codeOf(await landing('demo.staff', '0190b5c4-0000-7000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(codeOf(await landing('demo.staff', 'not-a-uuid'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.graphql<Landing>(LANDING, {}, { as: null }))).toBe('UNAUTHENTICATED');
  });
});
