import fc from 'fast-check';
import type pg from 'pg';
import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { compareMarked, seededCounty, trendMarked, type MarkedPoint } from '../../test-support/figure-test-queries.js';

const CODES = ['QUNLI', 'SIMENG', 'HEMAO', 'ZHENJIANG', 'UNNAMED'] as const;
/** A record kind as (how to insert one row, the metrics counting it, the coverage kind). */
const SOURCES = {
  inspection: {
    metrics: ['inspections', 'inspections_and_research_visits'],
    kind: 'ACTIVITY',
    insert: `insert into activity (id, township_id, county_id, type, title, occurred_on, provenance)
             select gen_random_uuid(), t.id, t.county_id, 'INSPECTION', '属性测试', $2::date, $3 from township t where t.id = $1`,
  },
  study: {
    metrics: ['study_sessions'],
    kind: 'ACTIVITY',
    insert: `insert into activity (id, township_id, county_id, type, title, occurred_on, provenance)
             select gen_random_uuid(), t.id, t.county_id, 'STUDY', '属性测试', $2::date, $3 from township t where t.id = $1`,
  },
  visit: {
    metrics: ['visitors_received'],
    kind: 'VOTER_CONTACT',
    insert: `insert into voter_contact (id, township_id, county_id, kind, received_on, subject, provenance)
             select gen_random_uuid(), t.id, t.county_id, 'VISIT', $2::date, '属性测试', $3 from township t where t.id = $1`,
  },
} as const;
type SourceName = keyof typeof SOURCES;

interface Row {
  township: (typeof CODES)[number];
  month: number;
  day: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Rule 2 of issue #12 as a property: whatever records a county holds, with or without complete coverage
 * and submitted reports, adding one SYNTHETIC row to a township and quarter leaves every derived value
 * that uses it (the quarter and year figures, ranks, the median, the county totals) SYNTHETIC with a
 * positive generated share.
 */
describe('a generated row marks everything derived from it', () => {
  let t: TestServer;
  let countyId: string;
  let idOf: Map<string, string>;

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.staff' });
    ({ countyId, idOf } = await seededCounty(t));
  });
  afterAll(() => t.stop());

  // Each run removes the rows, reports (2010–2015 hold none) and coverage earlier runs added (a seeded
  // coverage a run replaced goes too: the property holds whatever the coverage).
  const clear = (su: pg.Client) =>
    su.query(
      `delete from activity where title = '属性测试';
       delete from voter_contact where subject = '属性测试';
       delete from quarterly_report where year between 2010 and 2015;
       delete from record_coverage where provenance = 'RECORDED';`,
    );

  const expectSynthetic = (what: string, value: { provenance: string | null; syntheticShare: number | null }) =>
    expect({ what, provenance: value.provenance, generated: (value.syntheticShare ?? 0) > 0 }).toEqual({
      what,
      provenance: 'SYNTHETIC',
      generated: true,
    });

  it('holds for random records, coverage and reports', async () => {
    const row = fc.record({
      township: fc.constantFrom(...CODES),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<SourceName>('inspection', 'study', 'visit'),
        fc.integer({ min: 2010, max: 2015 }),
        fc.array(row, { maxLength: 8 }),
        row,
        fc.subarray([...CODES]),
        fc.subarray([...CODES]),
        async (sourceName, year, recorded: Row[], generated: Row, covered, reporting) => {
          const source = SOURCES[sourceName];
          const date = (r: Row) => `${year}-${pad(r.month)}-${pad(r.day)}`;
          await withDatabaseClient(t.database.url, async (su) => {
            await clear(su);
            for (const r of recorded) await su.query(source.insert, [idOf.get(r.township), date(r), 'RECORDED']);
            await su.query(source.insert, [idOf.get(generated.township), date(generated), 'SYNTHETIC']);
            for (const code of covered) {
              await su.query(
                `insert into record_coverage (id, township_id, county_id, record_kind, recorded_since, provenance)
                 select gen_random_uuid(), id, county_id, $2, $3::date, 'RECORDED' from township where id = $1
                 on conflict (county_id, township_id, record_kind) do update set recorded_since = excluded.recorded_since, provenance = 'RECORDED'`,
                [idOf.get(code), source.kind, `${year}-01-01`],
              );
            }
            for (const code of reporting) {
              await su.query(
                `insert into quarterly_report (id, township_id, county_id, year, quarter, state, version, submitted_at, provenance)
                 select gen_random_uuid(), id, county_id, $2, q, 'ACCEPTED', 1, now(), 'REPORTED'
                   from township cross join generate_series(1, 4) q where id = $1`,
                [idOf.get(code), year],
              );
            }
          });
          const township = idOf.get(generated.township)!;
          const quarter = Math.ceil(generated.month / 3);
          const comparison = await compareMarked(t, countyId, [...source.metrics], [{ year }, { year, quarter }]);
          const index = comparison.townships.findIndex((tw) => tw.id === township);
          for (const s of comparison.series) {
            const what = `${s.metricKey} ${year}${s.periodIndex ? ` Q${quarter}` : ''}`;
            const cell = comparison.cells.find(
              (c) => c.townshipId === township && c.metricKey === s.metricKey && c.periodIndex === s.periodIndex,
            )!;
            expect({ what, value: cell.value !== null && cell.value >= 1 }).toEqual({ what, value: true });
            expectSynthetic(what, cell);
            expect({ what, provenance: s.provenances[index] }).toEqual({ what, provenance: 'SYNTHETIC' });
            expect({ what, ranks: s.rankSynthetic }).toEqual({ what, ranks: s.ranks.map((r) => r !== null) });
            if (s.median !== null) expect({ what, median: s.medianProvenance }).toEqual({ what, median: 'SYNTHETIC' });
          }
          const totals: MarkedPoint[] = [
            ...(await trendMarked(t, {
              county: countyId,
              key: source.metrics[0],
              from: year,
              to: year,
              granularity: 'YEAR',
            })),
            ...(
              await trendMarked(t, {
                county: countyId,
                key: source.metrics[0],
                from: year,
                to: year,
                granularity: 'QUARTER',
              })
            ).filter((p) => p.period.quarter === quarter),
          ];
          for (const point of totals)
            expectSynthetic(`county ${source.metrics[0]} ${point.period.quarter ?? ''}`, point);
        },
      ),
      { numRuns: 25, seed: 12 },
    );
  });
});
