import { describe, expect, it } from '@jest/globals';
import {
  awaitsReview,
  buildStatusGrid,
  canRemind,
  countStatuses,
  overdueDays,
  type StatusCell,
} from './reporting-status';

const township = (id: string) => ({ id, name: id, nameEn: id });
const cell = (townshipId: string, quarter: number, over: Partial<StatusCell> = {}): StatusCell => ({
  townshipId,
  quarter,
  status: 'SUBMITTED_ON_TIME',
  late: false,
  reportId: `${townshipId}-${quarter}`,
  version: 1,
  submittedAt: '2024-04-08T02:00:00Z',
  dueAt: '2024-04-10T16:00:00Z',
  returnReason: null,
  ...over,
});

describe('buildStatusGrid', () => {
  it('puts each cell in its township row and quarter column', () => {
    const rows = buildStatusGrid([township('qunli'), township('simeng')], [cell('simeng', 3), cell('qunli', 1)]);
    expect(rows.map((r) => r.quarters.map((q) => q?.reportId ?? null))).toEqual([
      ['qunli-1', null, null, null],
      [null, null, 'simeng-3', null],
    ]);
  });
});

describe('countStatuses', () => {
  it('counts every state, zero for the absent ones', () => {
    const counts = countStatuses([
      cell('a', 1),
      cell('a', 2, { status: 'SUBMITTED_LATE', late: true }),
      cell('b', 1, { status: 'MISSING', reportId: null, version: null }),
      cell('b', 2, { status: 'MISSING', reportId: null, version: null }),
    ]);
    expect(counts).toEqual({
      SUBMITTED_ON_TIME: 1,
      SUBMITTED_LATE: 1,
      ACCEPTED: 0,
      RETURNED: 0,
      MISSING: 2,
      NOT_DUE: 0,
      NOT_REQUIRED: 0,
    });
  });
});

describe('awaitsReview', () => {
  it('is true for submitted reports (on time or late) only', () => {
    expect(awaitsReview(cell('a', 1))).toBe(true);
    expect(awaitsReview(cell('a', 1, { status: 'SUBMITTED_LATE' }))).toBe(true);
    expect(awaitsReview(cell('a', 1, { status: 'ACCEPTED' }))).toBe(false);
    expect(awaitsReview(cell('a', 1, { status: 'MISSING', reportId: null, version: null }))).toBe(false);
  });
});

describe('overdueDays and canRemind', () => {
  const now = new Date('2024-04-13T03:00:00Z');
  it('counts begun days past the deadline until now for a missing or returned report', () => {
    const missing = cell('a', 1, { status: 'MISSING', reportId: null, version: null, submittedAt: null });
    expect(overdueDays(missing, now)).toBe(3);
    expect(canRemind(missing, now)).toBe(true);
    expect(overdueDays(cell('a', 1, { status: 'RETURNED' }), now)).toBe(3);
    expect(canRemind(cell('a', 1, { status: 'RETURNED' }), new Date('2024-04-10T15:00:00Z'))).toBe(false);
  });
  it('counts until the submission for a late one, and 0 for one on time or not yet due', () => {
    const late = cell('a', 1, { status: 'SUBMITTED_LATE', late: true, submittedAt: '2024-04-11T17:00:00Z' });
    expect(overdueDays(late, now)).toBe(2);
    expect(canRemind(late, now)).toBe(false);
    expect(overdueDays(cell('a', 1), now)).toBe(0);
    expect(overdueDays(cell('a', 1, { status: 'NOT_DUE', submittedAt: null }), new Date('2024-04-01T00:00:00Z'))).toBe(
      0,
    );
    expect(canRemind(cell('a', 1, { status: 'ACCEPTED' }), now)).toBe(false);
  });
});
