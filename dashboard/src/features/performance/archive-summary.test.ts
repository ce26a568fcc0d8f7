import { visibleCounts, pointsTotal } from './archive-summary';
import type { CountLike } from './archive-summary';

const count = (duty: string, recordKind: string, value: number | null): CountLike & { recordKind: string } => ({
  duty: duty as CountLike['duty'],
  recordKind,
  count: value,
  qualifier: value === null ? null : 'EXACT',
  unknownReason: value === null ? 'NOT_RECORDED' : null,
  syntheticCount: 0,
});

describe('visibleCounts', () => {
  it('keeps recorded duties, drops known zeros and shows one unknown line per kind of record', () => {
    const counts = [
      count('ACTIVITY_INSPECTION', 'ACTIVITY', 3),
      count('ACTIVITY_STUDY', 'ACTIVITY', 0),
      count('SESSION_PRESENT', 'CONGRESS_SESSION', null),
      count('SESSION_ABSENT', 'CONGRESS_SESSION', null),
      count('RECEPTION', 'VOTER_CONTACT', null),
    ];
    expect(visibleCounts(counts).map((c) => c.duty)).toEqual(['ACTIVITY_INSPECTION', 'SESSION_PRESENT', 'RECEPTION']);
  });

  it('sums points', () => {
    expect(pointsTotal([{ points: 3 }, { points: -1 }])).toBe(2);
  });
});
