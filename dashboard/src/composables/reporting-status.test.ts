import { describe, expect, it } from '@jest/globals';
import { buildStatusGrid, dueQuarters, summarise, type ReportForStatus } from './reporting-status';

const township = (id: string) => ({ id, name: id, nameEn: id });
const report = (townshipId: string, quarter: number, over: Partial<ReportForStatus> = {}): ReportForStatus => ({
  id: `${townshipId}-${quarter}`,
  townshipId,
  quarter,
  state: 'SUBMITTED',
  late: false,
  version: 1,
  revision: 1,
  submittedAt: '2024-04-08T02:00:00Z',
  returnReason: null,
  ...over,
});

describe('buildStatusGrid', () => {
  it('puts each report in its township row and quarter column', () => {
    const rows = buildStatusGrid([township('qunli'), township('simeng')], [report('simeng', 3), report('qunli', 1)]);
    expect(rows.map((r) => r.quarters.map((q) => q?.id ?? null))).toEqual([
      ['qunli-1', null, null, null],
      [null, null, 'simeng-3', null],
    ]);
  });
});

describe('summarise', () => {
  it('counts states, late reports, and missing ones among the due quarters', () => {
    const rows = buildStatusGrid(
      [township('a'), township('b')],
      [report('a', 1, { late: true }), report('a', 2, { state: 'ACCEPTED' }), report('b', 1, { state: 'RETURNED' })],
    );
    expect(summarise(rows, 2)).toEqual({ awaitingReview: 1, accepted: 1, returned: 1, missing: 1, late: 1 });
    expect(summarise(rows, 4).missing).toBe(5);
  });
});

describe('dueQuarters', () => {
  it('is 4 for a past year, the ended quarters this year, 0 for a future one', () => {
    expect(dueQuarters(2024, '2026-11-25')).toBe(4);
    expect(dueQuarters(2026, '2026-11-25')).toBe(3);
    expect(dueQuarters(2026, '2026-02-01')).toBe(0);
    expect(dueQuarters(2027, '2026-11-25')).toBe(0);
  });
});
