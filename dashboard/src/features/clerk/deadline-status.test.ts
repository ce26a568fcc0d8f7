import { describe, expect, it } from '@jest/globals';
import { deadlineStatus, quarterRange } from './deadline-status';

// 2026-10-15 23:59 in China is 15:59 UTC.
const DEADLINE = '2026-10-15T15:59:59Z';

describe('deadlineStatus', () => {
  it('counts down in China calendar days, then counts the days overdue of a report never submitted', () => {
    expect(deadlineStatus(DEADLINE, null, new Date('2026-10-12T02:00:00Z'))).toEqual({ kind: 'DUE_IN', days: 3 });
    // 20:00 UTC on the 14th is already the 15th in China.
    expect(deadlineStatus(DEADLINE, null, new Date('2026-10-14T20:00:00Z'))).toEqual({ kind: 'DUE_TODAY' });
    expect(deadlineStatus(DEADLINE, null, new Date('2026-12-06T04:00:00Z'))).toEqual({
      kind: 'OVERDUE',
      days: 52,
      returned: false,
    });
  });

  it('keeps counting a returned report as overdue, and a submitted one as done (late or not)', () => {
    const now = new Date('2026-12-06T04:00:00Z');
    expect(
      deadlineStatus(DEADLINE, { state: 'RETURNED', late: false, submittedAt: '2026-10-10T01:00:00Z' }, now),
    ).toEqual({ kind: 'OVERDUE', days: 52, returned: true });
    expect(
      deadlineStatus(DEADLINE, { state: 'SUBMITTED', late: true, submittedAt: '2026-10-20T01:00:00Z' }, now),
    ).toEqual({ kind: 'SUBMITTED', on: '2026-10-20', late: true });
  });
});

describe('quarterRange', () => {
  it('gives the quarter in progress, its last day included', () => {
    expect(quarterRange('2026-12-06')).toEqual({ year: 2026, quarter: 4, from: '2026-10-01', to: '2026-12-31' });
    expect(quarterRange('2024-02-10')).toEqual({ year: 2024, quarter: 1, from: '2024-01-01', to: '2024-03-31' });
    expect(quarterRange('2025-06-30').to).toBe('2025-06-30');
  });
});
