import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import type { RevisionValue } from './revision-value.js';
import { sameReported, storeStatement, type StoreArgs } from './submission-statements.js';

const value = (metricKey: string, reportedValue: number | null, extra: Partial<RevisionValue> = {}): RevisionValue => ({
  metricKey,
  recordedValue: reportedValue,
  reportedValue,
  qualifier: FigureQualifier.EXACT,
  overrideReason: null,
  ...extra,
});

describe('the submission statements', () => {
  it('takes two revisions as the same submission by reported values and reasons only, in any order', () => {
    const stored = [value('a', 1), value('b', 0.1 + 0.2), value('c', null)];
    expect(sameReported(stored, [value('c', null), value('a', 1), value('b', 0.30000000000000004)])).toBe(true);
    // Recorded values move with the records: they do not make a submission different.
    expect(sameReported(stored, [value('a', 1, { recordedValue: 7 }), value('b', 0.1 + 0.2), value('c', null)])).toBe(
      true,
    );
    expect(sameReported(stored, [value('a', 2), value('b', 0.1 + 0.2), value('c', null)])).toBe(false);
    expect(sameReported(stored, [value('a', 1), value('b', 0.1 + 0.2)])).toBe(false);
    // Unknown is not zero, and a reason given is a change.
    expect(sameReported([value('a', null)], [value('a', 0)])).toBe(false);
    expect(sameReported([value('a', 1)], [value('a', 1, { overrideReason: '登记簿有误' })])).toBe(false);
    // A stored revision's JSON may lack a null reason altogether.
    const withoutReason = { metricKey: 'a', recordedValue: 1, reportedValue: 1, qualifier: FigureQualifier.EXACT };
    expect(sameReported([withoutReason as RevisionValue], [value('a', 1)])).toBe(true);
  });

  const args = (values: RevisionValue[], replacing: boolean): StoreArgs => ({
    id: 'rev',
    at: '2026-01-01T00:00:00.000Z',
    townshipId: 'town',
    countyId: 'county',
    reportId: 'report',
    revision: 2,
    userId: 'user',
    idempotencyKey: 'key',
    late: false,
    correctionReason: null,
    values,
    valueIds: values.map((_, i) => `value-${i}`),
    replacing,
  });
  const placeholders = (sql: string) => sql.split('?').length - 1;

  it('writes with values only (no insert reads another part), naming the county in every part, one parameter each', () => {
    for (const [values, replacing] of [
      [[value('a', 1), value('b', 2)], true],
      [[value('a', 1)], false],
      [[], true],
      [[], false],
    ] as const) {
      const { sql, params } = storeStatement(args([...values], replacing));
      expect(placeholders(sql)).toBe(params.length);
      expect(sql).not.toMatch(/insert into [^(]+\([^)]*\)\s*select/i);
      expect(/\bdelete from quarterly_report_value\b/.test(sql)).toBe(replacing);
      expect(/\binsert into quarterly_report_value\b/.test(sql)).toBe(values.length > 0);
      // only a report that stood before may already hold a value row for a metric
      expect(/\bon conflict\b/.test(sql)).toBe(replacing && values.length > 0);
      expect(params.filter((p) => p === 'county')).toHaveLength(1 + values.length + (replacing ? 1 : 0));
    }
  });
});
