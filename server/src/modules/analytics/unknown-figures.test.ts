import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import {
  cellIn,
  compareMarked,
  seededCounty,
  trendMarked,
  type MarkedCell,
  type MarkedComparison,
} from '../../test-support/figure-test-queries.js';

/** Rule 1 of issue #12 on the seed data: an unknown figure is null with its reason, never 0. */
describe('unknown is never 0', () => {
  let t: TestServer;
  let countyId: string;
  let idOf: Map<string, string>;
  let catalog: string[];

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.staff' });
    ({ countyId, idOf } = await seededCounty(t));
    const metrics = await t.graphql<{ metricDefinitions: { key: string }[] }>('{ metricDefinitions { key } }');
    catalog = metrics.data!.metricDefinitions.map((m) => m.key);
  });
  afterAll(() => t.stop());

  /** Every catalog metric (in chunks: a comparison takes at most 30) for the given periods. */
  const everyCell = async (periods: { year: number; quarter?: number }[]): Promise<MarkedCell[]> => {
    const chunks = [catalog.slice(0, 23), catalog.slice(23)];
    const comparisons: MarkedComparison[] = [];
    for (const keys of chunks) comparisons.push(await compareMarked(t, countyId, keys, periods));
    return comparisons.flatMap((c) => c.cells);
  };

  it('gives every catalog metric of every township a reason wherever it is unknown', async () => {
    expect(catalog.length).toBeGreaterThanOrEqual(40);
    const cells = await everyCell([
      { year: 2019 },
      { year: 2021 },
      { year: 2021, quarter: 3 },
      { year: 2024, quarter: 1 },
    ]);
    expect(cells.filter((c) => c.value === null && c.unknownReason === null)).toEqual([]);
    expect(cells.filter((c) => c.value !== null && c.unknownReason !== null)).toEqual([]);
    // Before any township reported or kept complete records, and in quarters nobody reported: no figure at all.
    for (const periodIndex of [0, 3]) {
      expect(cells.filter((c) => c.periodIndex === periodIndex && c.value !== null)).toEqual([]);
    }
    expect(new Set(cells.filter((c) => c.periodIndex === 0).map((c) => c.unknownReason))).toEqual(
      new Set(['NOT_RECORDED']),
    );
    // 2024 Q1 was due from the four townships that report and never submitted.
    expect(cellIn({ cells } as MarkedComparison, idOf.get('SIMENG')!, 'inspections', 3).unknownReason).toBe(
      'NOT_SUBMITTED',
    );
    // A 0 in 2021 only where the township's records of that kind are complete or a report gave it.
    const zeros = cells.filter((c) => c.periodIndex === 1 && c.value === 0);
    for (const zero of zeros) expect(zero).toMatchObject({ qualifier: 'EXACT', unknownReason: null });
  });

  it('says 思蒙镇’s 2021 inspections, study and legal education are not stated, in the year and in its quarters', async () => {
    const simeng = idOf.get('SIMENG')!;
    const comparison = await compareMarked(
      t,
      countyId,
      ['inspections', 'study_sessions', 'legal_outreach'],
      [{ year: 2021 }, { year: 2021, quarter: 2 }],
    );
    for (const key of ['inspections', 'study_sessions', 'legal_outreach']) {
      for (const periodIndex of [0, 1]) {
        expect(cellIn(comparison, simeng, key, periodIndex)).toMatchObject({
          value: null,
          rank: null,
          unknownReason: 'NOT_STATED',
          syntheticShare: null,
        });
      }
    }
    const series = comparison.series.find((s) => s.metricKey === 'inspections' && s.periodIndex === 0)!;
    const index = comparison.townships.findIndex((tw) => tw.id === simeng);
    expect([series.values[index], series.unknownReasons[index]]).toEqual([null, 'NOT_STATED']);
  });

  it('leaves 鹤毛镇’s meetings and 群利镇’s law-enforcement checks unknown, not 0', async () => {
    const comparison = await compareMarked(t, countyId, ['meetings_held', 'law_enforcement_checks'], [{ year: 2021 }]);
    expect(cellIn(comparison, idOf.get('HEMAO')!, 'meetings_held')).toMatchObject({
      value: null,
      unknownReason: 'NOT_STATED',
    });
    expect(cellIn(comparison, idOf.get('QUNLI')!, 'law_enforcement_checks')).toMatchObject({
      value: null,
      unknownReason: 'NOT_STATED',
    });
  });

  it('breaks trend lines at unknown quarters instead of dropping to 0, and marks the unfinished quarter', async () => {
    const points = await trendMarked(t, {
      county: countyId,
      key: 'inspections',
      from: 2019,
      to: 2026,
      granularity: 'QUARTER',
    });
    expect(points.filter((p) => p.value === 0)).toEqual([]);
    expect(points.filter((p) => p.value === null && p.unknownReason === null)).toEqual([]);
    const of = (year: number, quarter: number) =>
      points.find((p) => p.period.year === year && p.period.quarter === quarter)!;
    expect(of(2019, 1)).toMatchObject({ value: null, unknownReason: 'NOT_RECORDED', basis: 0 });
    expect(of(2024, 2)).toMatchObject({ value: null, unknownReason: 'NOT_SUBMITTED', basis: 0 });
    // 思蒙镇 keeps every suggestion since 2021: its current quarter is counted so far, and says so.
    const simeng = await trendMarked(t, {
      county: countyId,
      key: 'suggestions_received',
      township: idOf.get('SIMENG')!,
      from: 2026,
      to: 2026,
      granularity: 'QUARTER',
    });
    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const current = simeng.find((p) => p.period.quarter === Math.ceil(Number(today.slice(5, 7)) / 3))!;
    if (today.startsWith('2026')) expect(current).toMatchObject({ provisional: true, unknownReason: null });
    for (const p of simeng.filter((q) => !q.provisional)) expect(p.value).toBeNull();
  });

  it('reports no rate for a year nobody had to report, and NOT_REQUIRED for its quarters', async () => {
    const res = await t.graphql<{
      reportingStatus: {
        due: number;
        reportingRate: number | null;
        onTimeRate: number | null;
        cells: { status: string }[];
      };
    }>(
      'query ($c: ID!) { reportingStatus(countyId: $c, year: 2019) { due reportingRate onTimeRate cells { status } } }',
      {
        c: countyId,
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportingStatus).toMatchObject({ due: 0, reportingRate: null, onTimeRate: null });
    expect(new Set(res.data!.reportingStatus.cells.map((c) => c.status))).toEqual(new Set(['NOT_REQUIRED']));
  });

  it('keeps unknown figures out of 思蒙镇’s annual summary figures', async () => {
    const res = await t.graphql<{
      annualSummary: { figures: { metricKey: string; value: number | null; unknownReason: string | null }[] };
    }>(
      'query ($id: ID!) { annualSummary(townshipId: $id, year: 2021) { figures { metricKey value unknownReason } } }',
      {
        id: idOf.get('SIMENG')!,
      },
    );
    expect(res.errors).toBeUndefined();
    const figures = res.data!.annualSummary.figures;
    for (const key of ['inspections', 'study_sessions', 'legal_outreach']) {
      expect(figures.find((f) => f.metricKey === key)).toMatchObject({ value: null, unknownReason: 'NOT_STATED' });
    }
    expect(figures.filter((f) => f.value === null && f.unknownReason === null)).toEqual([]);
  });

  it('exports unknown cells as empty CSV fields, never 0', async () => {
    const res = await fetch(t.server.url.replace('/graphql', '/export/csv'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('demo.staff')}` },
      body: JSON.stringify({
        query: `query ($c: ID!) { compareTownships(countyId: $c, metricKeys: ["inspections"], periods: [{ year: 2021 }]) {
          cells { townshipId value provenance unknownReason } } }`,
        variables: { c: countyId },
        filename: '视察',
      }),
    });
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('townshipId,value,provenance,unknownReason');
    expect(lines).toContain(`${idOf.get('SIMENG')!},,,NOT_STATED`);
    expect(lines.slice(1).filter((l) => l.split(',')[1] === '0')).toEqual([]);
  });
});
