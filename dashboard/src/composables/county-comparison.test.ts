import { describe, expect, it } from '@jest/globals';
import {
  comparisonBars,
  median,
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

describe('median', () => {
  it('ignores unknown values and averages the middle pair', () => {
    expect(median([3, null, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null])).toBeNull();
  });
});

describe('radarProfile', () => {
  it('scales each metric 0–100 by the county maximum, with the county median on the same scale', () => {
    const profile = radarProfile(comparison, ['inspections', 'rate'], 0, 'a');
    expect(profile.countyMax).toEqual([20, 100]);
    expect(profile.township).toEqual([50, 50]);
    // inspections: median of 10 and 20 (丙镇 unknown) = 15 → 75; rate: median 80 → 80
    expect(profile.countyMedian).toEqual([75, 80]);
  });

  it('keeps an unknown value unknown, and a metric nobody knows null on both lines', () => {
    const profile = radarProfile(comparison, ['inspections', 'missing_metric'], 0, 'c');
    expect(profile.township).toEqual([null, null]);
    expect(profile.countyMedian).toEqual([75, null]);
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
  it('aligns the township on the county periods, a missing point null', () => {
    const period = (quarter: number) => ({ year: 2021, quarter, label: `2021Q${quarter}` });
    const lines = trendLines(
      [
        { period: period(1), value: 5 },
        { period: period(2), value: null },
      ],
      [{ period: period(2), value: 1 }],
    );
    expect(lines).toEqual({ labels: ['2021Q1', '2021Q2'], county: [5, null], township: [null, 1] });
    expect(trendLines([{ period: period(1), value: 5 }], null).township).toBeNull();
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
