import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { cellIn, compareMarked, seededCounty, trendMarked } from '../../test-support/figure-test-queries.js';

/** One reported quarterly figure: township code, quarter, metric, value, qualifier, provenance. */
type Figure = [string, number, string, number, string, string];

/** 2017: no seed data; each township's quarterly reports as the tests need them. */
const FIGURES_2017: Figure[] = [
  // 群利镇: four exact quarters → the year is their sum.
  ['QUNLI', 1, 'meetings_held', 1, 'EXACT', 'REPORTED'],
  ['QUNLI', 2, 'meetings_held', 2, 'EXACT', 'REPORTED'],
  ['QUNLI', 3, 'meetings_held', 3, 'EXACT', 'REPORTED'],
  ['QUNLI', 4, 'meetings_held', 4, 'EXACT', 'REPORTED'],
  // 思蒙镇: two quarters only → a lower bound.
  ['SIMENG', 1, 'meetings_held', 2, 'EXACT', 'REPORTED'],
  ['SIMENG', 2, 'meetings_held', 3, 'EXACT', 'REPORTED'],
  // 鹤毛镇: one approximate quarter → an approximate year.
  ['HEMAO', 1, 'meetings_held', 1, 'EXACT', 'REPORTED'],
  ['HEMAO', 2, 'meetings_held', 10, 'APPROXIMATE', 'REPORTED'],
  ['HEMAO', 3, 'meetings_held', 1, 'EXACT', 'REPORTED'],
  ['HEMAO', 4, 'meetings_held', 1, 'EXACT', 'REPORTED'],
  // 镇江镇: an at-least quarter and a generated one → at least, and SYNTHETIC.
  ['ZHENJIANG', 1, 'meetings_held', 2, 'EXACT', 'REPORTED'],
  ['ZHENJIANG', 2, 'meetings_held', 30, 'AT_LEAST', 'REPORTED'],
  ['ZHENJIANG', 3, 'meetings_held', 2, 'EXACT', 'REPORTED'],
  ['ZHENJIANG', 4, 'meetings_held', 0, 'EXACT', 'SYNTHETIC'],
  // Suggestions in Q1 from two townships only: too few for a county rate or median.
  ['QUNLI', 1, 'suggestions_received', 4, 'EXACT', 'REPORTED'],
  ['QUNLI', 1, 'suggestions_completed', 2, 'EXACT', 'REPORTED'],
  ['SIMENG', 1, 'suggestions_received', 5, 'EXACT', 'REPORTED'],
  ['SIMENG', 1, 'suggestions_completed', 5, 'EXACT', 'REPORTED'],
];

/** Rule 3 of issue #12: sums, qualifiers, medians and county rates follow from what is known. */
describe('derived figures are honest', () => {
  let t: TestServer;
  let countyId: string;
  let idOf: Map<string, string>;

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.staff' });
    ({ countyId, idOf } = await seededCounty(t));
    await withDatabaseClient(t.database.url, async (su) => {
      await su.query(
        `with f(code, quarter, metric, value, qualifier, provenance) as (select * from json_to_recordset($2::json)
             as x(code text, quarter int, metric text, value float8, qualifier text, provenance text)),
           r as (insert into quarterly_report (id, township_id, county_id, year, quarter, state, version, submitted_at, provenance)
             select gen_random_uuid(), t.id, t.county_id, 2017, q.quarter, 'ACCEPTED', 1, now(), 'REPORTED'
               from (select distinct code, quarter from f) q join township t on t.code = q.code and t.county_id = $1
             returning id, township_id, county_id, quarter)
         insert into quarterly_report_value (id, township_id, county_id, report_id, metric_key, reported_value, qualifier, provenance)
         select gen_random_uuid(), r.township_id, r.county_id, r.id, f.metric, f.value, f.qualifier, f.provenance
           from f join township t on t.code = f.code and t.county_id = $1 join r on r.township_id = t.id and r.quarter = f.quarter`,
        [
          countyId,
          JSON.stringify(
            FIGURES_2017.map(([code, quarter, metric, value, qualifier, provenance]) => ({
              code,
              quarter,
              metric,
              value,
              qualifier,
              provenance,
            })),
          ),
        ],
      );
    });
  });
  afterAll(() => t.stop());

  it('sums a year from its quarters only when all four are known, else gives a lower bound', async () => {
    const comparison = await compareMarked(t, countyId, ['meetings_held'], [{ year: 2017 }]);
    expect(cellIn(comparison, idOf.get('QUNLI')!, 'meetings_held')).toMatchObject({
      value: 10,
      qualifier: 'EXACT',
      provenance: 'REPORTED',
      syntheticShare: 0,
    });
    expect(cellIn(comparison, idOf.get('SIMENG')!, 'meetings_held')).toMatchObject({ value: 5, qualifier: 'AT_LEAST' });
    // Nothing reported and nothing recorded: unknown, not 0.
    expect(cellIn(comparison, idOf.get('UNNAMED')!, 'meetings_held')).toMatchObject({
      value: null,
      unknownReason: 'NOT_RECORDED',
    });
  });

  it('carries qualifiers and generated parts through the sum', async () => {
    const comparison = await compareMarked(t, countyId, ['meetings_held'], [{ year: 2017 }]);
    expect(cellIn(comparison, idOf.get('HEMAO')!, 'meetings_held')).toMatchObject({
      value: 13,
      qualifier: 'APPROXIMATE',
    });
    const zhenjiang = cellIn(comparison, idOf.get('ZHENJIANG')!, 'meetings_held');
    expect(zhenjiang).toMatchObject({ value: 34, qualifier: 'AT_LEAST', provenance: 'SYNTHETIC', rankSynthetic: true });
    expect(zhenjiang.syntheticShare).toBeGreaterThan(0);
    // A quarter missing its report after the deadline is unknown because it was not submitted.
    const q3 = await compareMarked(t, countyId, ['meetings_held'], [{ year: 2017, quarter: 3 }]);
    expect(cellIn(q3, idOf.get('SIMENG')!, 'meetings_held')).toMatchObject({
      value: null,
      unknownReason: 'NOT_SUBMITTED',
    });
  });

  it('gives a county median only over three or more known values, and says how many it used', async () => {
    const year = await compareMarked(t, countyId, ['meetings_held', 'suggestions_received'], [{ year: 2017 }]);
    const meetings = year.series.find((s) => s.metricKey === 'meetings_held')!;
    // 5 (≥), 10, 13 (≈), 34 (≥, generated): the median of four known values.
    expect(meetings).toMatchObject({ median: 11.5, medianBasis: 4, medianProvenance: 'SYNTHETIC' });
    const suggestions = await compareMarked(t, countyId, ['suggestions_received'], [{ year: 2017, quarter: 1 }]);
    expect(suggestions.series[0]).toMatchObject({ median: null, medianBasis: 2, medianProvenance: null });
  });

  it('totals the county with its parts’ loosest qualifier and its basis, and refuses a county rate on two townships', async () => {
    const [total] = await trendMarked(t, {
      county: countyId,
      key: 'meetings_held',
      from: 2017,
      to: 2017,
      granularity: 'YEAR',
    });
    expect(total).toMatchObject({ value: 62, qualifier: 'APPROXIMATE', provenance: 'SYNTHETIC', basis: 4 });
    const rate = await trendMarked(t, {
      county: countyId,
      key: 'suggestion_completion_rate',
      from: 2017,
      to: 2017,
      granularity: 'QUARTER',
    });
    expect(rate[0]).toMatchObject({ value: null, basis: 2 });
    expect(rate[0]!.unknownReason).not.toBeNull();
    // One township on its own is its own rate: 2 of 4.
    const qunli = await trendMarked(t, {
      county: countyId,
      key: 'suggestion_completion_rate',
      township: idOf.get('QUNLI')!,
      from: 2017,
      to: 2017,
      granularity: 'QUARTER',
    });
    expect(qunli[0]).toMatchObject({ value: 50, numerator: 2, denominator: 4, qualifier: 'EXACT', basis: null });
  });
});
