import { describe, expect, it } from '@jest/globals';
import {
  comparisonBars,
  periodInput,
  profileMetricKeys,
  radarProfile,
  rankingRows,
  sortRanking,
  trendLines,
  type ComparisonCellInfo,
  type ComparisonInput,
} from './county-comparison';

const cell = (
  townshipId: string,
  metricKey: string,
  value: number | null,
  over: Partial<ComparisonCellInfo> = {},
): ComparisonCellInfo => ({
  townshipId,
  metricKey,
  periodIndex: 0,
  value,
  rawValue: value,
  numerator: null,
  denominator: null,
  provenance: 'REPORTED',
  qualifier: 'EXACT',
  rank: null,
  smallSample: false,
  ...over,
});

const comparison: ComparisonInput = {
  townships: [
    { id: 'a', code: 'A', name: '甲镇', deputies: 40 },
    { id: 'b', code: 'B', name: '乙镇', deputies: 20 },
    { id: 'c', code: 'C', name: '丙镇', deputies: 30 },
  ],
  cells: [
    cell('a', 'inspections', 10, { rank: 2 }),
    cell('b', 'inspections', 20, { rank: 1 }),
    cell('c', 'inspections', null),
    cell('a', 'rate', 50, { rank: 3 }),
    cell('b', 'rate', 100, { rank: 1 }),
    cell('c', 'rate', 80, { rank: 2 }),
    cell('a', 'inspections', 99, { periodIndex: 1 }),
  ],
};

describe('comparisonBars', () => {
  it('gives one series per metric over the townships, unknown as null (a gap, never 0)', () => {
    expect(comparisonBars(comparison, ['inspections', 'rate'], 0)).toEqual({
      labels: ['甲镇', '乙镇', '丙镇'],
      series: [
        { metricKey: 'inspections', values: [10, 20, null] },
        { metricKey: 'rate', values: [50, 100, 80] },
      ],
    });
    expect(comparisonBars(comparison, ['inspections'], 1).series[0]!.values).toEqual([99, null, null]);
  });
});

describe('sortRanking', () => {
  const rows = rankingRows(comparison, 'inspections', 0);
  const names = (sorted: typeof rows) => sorted.map((r) => r.township.name);

  it('sorts by rank or value either way, unknown last', () => {
    expect(names(sortRanking(rows, 'rank', 'asc'))).toEqual(['乙镇', '甲镇', '丙镇']);
    expect(names(sortRanking(rows, 'rank', 'desc'))).toEqual(['甲镇', '乙镇', '丙镇']);
    expect(names(sortRanking(rows, 'value', 'desc'))).toEqual(['乙镇', '甲镇', '丙镇']);
    expect(names(sortRanking(rows, 'deputies', 'asc'))).toEqual(['乙镇', '丙镇', '甲镇']);
  });

  it('does not change the rows it is given', () => {
    sortRanking(rows, 'value', 'asc');
    expect(names(rows)).toEqual(['甲镇', '乙镇', '丙镇']);
  });
});

describe('rankingRows', () => {
  it('marks every rank of a metric when any value it compares is synthetic, and no unranked row', () => {
    const withSynthetic: ComparisonInput = {
      townships: comparison.townships,
      cells: [
        cell('a', 'm', 10, { rank: 2 }),
        cell('b', 'm', 20, { rank: 1, provenance: 'SYNTHETIC' }),
        cell('c', 'm', null, { unknownReason: 'NOT_STATED' }),
      ],
    };
    expect(rankingRows(withSynthetic, 'm', 0).map((r) => r.rankSynthetic)).toEqual([true, true, false]);
    expect(rankingRows(comparison, 'rate', 0).map((r) => r.rankSynthetic)).toEqual([false, false, false]);
  });

  it('marks a rank from a synthetic share even when the provenance says RECORDED, and follows the server when it says', () => {
    const shared: ComparisonInput = {
      townships: comparison.townships,
      cells: [
        cell('a', 'm', 25, { rank: 3, provenance: 'RECORDED', syntheticShare: 1 }),
        cell('b', 'm', 50, { rank: 2 }),
        cell('c', 'm', 75, { rank: 1, rankSynthetic: false }),
      ],
    };
    expect(rankingRows(shared, 'm', 0).map((r) => r.rankSynthetic)).toEqual([true, true, false]);
  });
});

describe('radarProfile', () => {
  it('scales each metric 0–100 by the county maximum, with the county median on the same scale', () => {
    const profile = radarProfile(comparison, ['rate'], 0, 'a');
    expect(profile.countyMax).toEqual([100]);
    expect(profile.township).toEqual([50]);
    expect(profile.countyMedian).toEqual([80]);
    expect(profile.medianBasis).toEqual([3]);
    expect(profile.medianSynthetic).toEqual([false]);
  });

  it('draws no median from fewer than three known values, and says how many there were', () => {
    // inspections: 10 and 20 known, 丙镇 unknown
    const profile = radarProfile(comparison, ['inspections', 'missing_metric'], 0, 'c');
    expect(profile.township).toEqual([null, null]);
    expect(profile.countyMedian).toEqual([null, null]);
    expect(profile.medianBasis).toEqual([2, 0]);
  });

  it('marks a median that uses a generated value, and the township’s own marks', () => {
    const marked: ComparisonInput = {
      townships: comparison.townships,
      cells: [
        cell('a', 'm', 10, { provenance: 'SYNTHETIC' }),
        cell('b', 'm', 20),
        cell('c', 'm', 30),
        cell('a', 'n', null, { unknownReason: 'NOT_SUBMITTED' }),
      ],
    };
    const profile = radarProfile(marked, ['m', 'n'], 0, 'a');
    expect(profile.countyMedian).toEqual([66.7, null]);
    expect(profile.medianSynthetic).toEqual([true, false]);
    expect(profile.flags.map((f) => [f.synthetic, f.unknownReason])).toEqual([
      [true, null],
      [false, 'NOT_SUBMITTED'],
    ]);
  });

  it('puts every known value at 0 when the county maximum is 0', () => {
    const zeros: ComparisonInput = { townships: comparison.townships, cells: [cell('a', 'm', 0), cell('b', 'm', 0)] };
    expect(radarProfile(zeros, ['m'], 0, 'a').township).toEqual([0]);
  });
});

describe('periodInput', () => {
  it('leaves the quarter out for a whole year', () => {
    expect(periodInput({ year: 2021, quarter: null })).toEqual({ year: 2021 });
    expect(periodInput({ year: 2021, quarter: 3 })).toEqual({ year: 2021, quarter: 3 });
  });
});

describe('trendLines', () => {
  const period = (quarter: number) => ({ year: 2021, quarter, label: `2021Q${quarter}` });

  it('aligns the township on the county periods, a missing point null', () => {
    const lines = trendLines(
      [
        { period: period(1), value: 5 },
        { period: period(2), value: null },
      ],
      [{ period: period(2), value: 1 }],
    );
    expect(lines.labels).toEqual(['2021Q1', '2021Q2']);
    expect(lines.county.values).toEqual([5, null]);
    expect(lines.township!.values).toEqual([null, 1]);
    expect(trendLines([{ period: period(1), value: 5 }], null).township).toBeNull();
  });

  it("labels the periods in the reader's language, not with the API's Chinese label", () => {
    const lines = trendLines([{ period: period(1), value: 5 }], null, (p) => `Q${p.quarter} ${p.year}`);
    expect(lines.labels).toEqual(['Q1 2021']);
  });

  it('breaks at unknown quarters with their reason, and leaves the unfinished quarter out of the line', () => {
    const lines = trendLines(
      [
        { period: period(1), value: 3, provenance: 'SYNTHETIC' },
        { period: period(2), value: null, unknownReason: 'NOT_SUBMITTED' },
        { period: period(3), value: 2, provisional: true },
        { period: period(4), value: null, unknownReason: 'NOT_STARTED' },
      ],
      null,
    );
    expect(lines.county.values).toEqual([3, null, null, null]);
    expect(lines.county.figures).toEqual([3, null, 2, null]);
    expect(lines.county.flags.map((f) => f.unknownReason)).toEqual([null, 'NOT_SUBMITTED', null, 'NOT_STARTED']);
    expect(lines.county.flags.map((f) => f.provisional)).toEqual([false, false, true, false]);
    expect(lines.county.flags.map((f) => f.synthetic)).toEqual([true, false, false, false]);
  });
});

describe('profileMetricKeys', () => {
  it('takes the profile metrics the catalog has, else the first ones of the catalog', () => {
    expect(profileMetricKeys([{ key: 'x' }, { key: 'inspections' }, { key: 'meetings_held' }])).toEqual([
      'meetings_held',
      'inspections',
    ]);
    expect(profileMetricKeys([{ key: 'a' }, { key: 'b' }, { key: 'c' }], 2)).toEqual(['a', 'b']);
  });
});
