import { describe, expect, it } from '@jest/globals';
import { previousQuarterOf, reviewRows, type ReviewMetric } from './report-review';

const metric = (key: string): ReviewMetric => ({ key, nameZh: key, nameEn: key, kind: 'COUNT', unit: '次' });

describe('reviewRows', () => {
  it('orders by the catalogue, marks overrides with their reasons, and sets the previous quarter and revision beside', () => {
    const rows = reviewRows(
      [
        { metricKey: 'b', recordedValue: 3, reportedValue: 5, qualifier: 'EXACT', overrideReason: '补录两次' },
        { metricKey: 'a', recordedValue: 2, reportedValue: 2, qualifier: 'EXACT', overrideReason: null },
        { metricKey: 'c', recordedValue: null, reportedValue: 4, qualifier: 'AT_LEAST', overrideReason: '纸质台账' },
      ],
      [metric('a'), metric('b'), metric('c')],
      [{ metricKey: 'a', reportedValue: 7, qualifier: 'EXACT' }],
      [{ metricKey: 'b', reportedValue: 3, qualifier: 'EXACT' }],
    );
    expect(rows.map((r) => [r.metricKey, r.overridden, r.reason])).toEqual([
      ['a', false, null],
      ['b', true, '补录两次'],
      ['c', true, '纸质台账'],
    ]);
    expect(rows[0]!.previousQuarter?.reportedValue).toBe(7);
    expect(rows[1]!.previousRevision?.reportedValue).toBe(3);
    expect(rows[2]!.previousQuarter).toBeNull();
  });

  it('puts metrics missing from the catalogue last', () => {
    const rows = reviewRows(
      [
        { metricKey: 'zz_custom', recordedValue: 1, reportedValue: 1, qualifier: 'EXACT', overrideReason: null },
        { metricKey: 'a', recordedValue: 1, reportedValue: 1, qualifier: 'EXACT', overrideReason: null },
      ],
      [metric('a')],
      null,
      null,
    );
    expect(rows.map((r) => r.metricKey)).toEqual(['a', 'zz_custom']);
  });
});

describe('previousQuarterOf', () => {
  it('steps back a quarter, across the year for Q1', () => {
    expect(previousQuarterOf(2025, 1)).toEqual({ year: 2024, quarter: 4 });
    expect(previousQuarterOf(2025, 3)).toEqual({ year: 2025, quarter: 2 });
  });
});
