import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { cellIn, compareMarked, seededCounty, trendMarked } from '../../test-support/figure-test-queries.js';

/** Rule 2 of issue #12 on the seed data: whatever a generated row or figure flows into stays SYNTHETIC. */
describe('generated data stays marked', () => {
  let t: TestServer;
  let countyId: string;
  let idOf: Map<string, string>;

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.staff' });
    ({ countyId, idOf } = await seededCounty(t));
  });
  afterAll(() => t.stop());

  it('marks 镇江镇’s 12 generated inspections SYNTHETIC in the year and in its quarters, ranks included', async () => {
    const zhenjiang = idOf.get('ZHENJIANG')!;
    const comparison = await compareMarked(t, countyId, ['inspections'], [{ year: 2021 }, { year: 2021, quarter: 1 }]);
    // Its records are not known complete (the report gives 23 inspections and research visits together),
    // so the 12 rows prove at least 12.
    expect(cellIn(comparison, zhenjiang, 'inspections', 0)).toMatchObject({
      value: 12,
      provenance: 'SYNTHETIC',
      qualifier: 'AT_LEAST',
      syntheticShare: 1,
      rank: 1,
      rankSynthetic: true,
    });
    expect(cellIn(comparison, zhenjiang, 'inspections', 1)).toMatchObject({
      value: 3,
      provenance: 'SYNTHETIC',
      syntheticShare: 1,
    });
    // Every rank in a ranking that compares a generated value says so.
    for (const cell of comparison.cells.filter((c) => c.periodIndex === 0 && c.rank !== null))
      expect(cell.rankSynthetic).toBe(true);
  });

  it('marks 思蒙镇’s 81.82 % satisfaction SYNTHETIC: its report gives no rating', async () => {
    const comparison = await compareMarked(t, countyId, ['satisfaction_rate'], [{ year: 2021 }]);
    expect(cellIn(comparison, idOf.get('SIMENG')!, 'satisfaction_rate')).toMatchObject({
      value: 81.82,
      numerator: 9,
      denominator: 11,
      provenance: 'SYNTHETIC',
      // 思蒙镇 holds every suggestion of 2021 (record coverage), so the rate is exact, if generated.
      qualifier: 'EXACT',
      syntheticShare: 1,
    });
  });

  it('marks the county’s 39 suggestions of 2021 SYNTHETIC, with the generated share and the basis', async () => {
    const [point] = await trendMarked(t, {
      county: countyId,
      key: 'suggestions_received',
      from: 2021,
      to: 2021,
      granularity: 'YEAR',
    });
    expect(point).toMatchObject({ value: 39, provenance: 'SYNTHETIC', basis: 5 });
    // 思蒙镇’s 11 are a reported figure; the other 28 rest on rows, 26 of them generated.
    expect(point!.syntheticShare).toBeCloseTo(26 / 39, 5);
    // Four townships' counts are lower bounds (their suggestions are not known complete).
    expect(point!.qualifier).toBe('AT_LEAST');
  });

  it('marks 群利镇’s 25 % completion SYNTHETIC in the year view, and the median that uses it', async () => {
    const qunli = idOf.get('QUNLI')!;
    const comparison = await compareMarked(t, countyId, ['suggestion_completion_rate'], [{ year: 2021 }]);
    const year = cellIn(comparison, qunli, 'suggestion_completion_rate');
    expect(year).toMatchObject({
      value: 25,
      numerator: 2,
      denominator: 8,
      provenance: 'SYNTHETIC',
      rank: 5,
      rankSynthetic: true,
    });
    expect(year.syntheticShare).toBeGreaterThan(0);
    const series = comparison.series[0]!;
    const index = comparison.townships.findIndex((tw) => tw.id === qunli);
    expect([series.provenances[index], series.rankSynthetic[index]]).toEqual(['SYNTHETIC', true]);
    expect(series).toMatchObject({ medianBasis: 5, medianProvenance: 'SYNTHETIC' });
  });

  it('keeps SYNTHETIC and a positive syntheticShare together on every figure of the seed data', async () => {
    const keys = (
      await t.graphql<{ metricDefinitions: { key: string }[] }>('{ metricDefinitions { key } }')
    ).data!.metricDefinitions.map((m) => m.key);
    const periods = [{ year: 2021 }, { year: 2021, quarter: 2 }, { year: 2021, quarter: 4 }];
    for (const chunk of [keys.slice(0, 23), keys.slice(23)]) {
      const { cells, series } = await compareMarked(t, countyId, chunk, periods);
      for (const cell of cells.filter((c) => c.value !== null)) {
        expect({ key: cell.metricKey, synthetic: cell.provenance === 'SYNTHETIC' }).toEqual({
          key: cell.metricKey,
          synthetic: (cell.syntheticShare ?? 0) > 0,
        });
      }
      for (const s of series) {
        const anySynthetic = s.provenances.includes('SYNTHETIC');
        expect(s.rankSynthetic).toEqual(s.ranks.map((r) => r !== null && anySynthetic));
      }
    }
  });

  it('says the annual summary includes generated figures, figure by figure', async () => {
    const res = await t.graphql<{
      annualSummary: {
        includesSynthetic: boolean;
        figures: {
          metricKey: string;
          value: number | null;
          provenance: string | null;
          syntheticShare: number | null;
        }[];
      };
    }>(
      'query ($id: ID!) { annualSummary(townshipId: $id, year: 2021) { includesSynthetic figures { metricKey value provenance syntheticShare } } }',
      { id: idOf.get('ZHENJIANG')! },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.annualSummary.includesSynthetic).toBe(true);
    expect(res.data!.annualSummary.figures.find((f) => f.metricKey === 'inspections')).toMatchObject({
      value: 12,
      provenance: 'SYNTHETIC',
      syntheticShare: 1,
    });
  });
});
