import { describe, expect, it } from '@jest/globals';
import type { ActivityType } from '../graphql/generated/schema-enums';
import { buildHeatmap, heatLevel, monthBlocks, monthlyByType, type ActivityForCalendar } from './activity-calendar';

const day = (occurredOn: string, type: ActivityType = 'STUDY'): ActivityForCalendar => ({
  occurredOn,
  datePrecision: 'DAY',
  type,
});

describe('buildHeatmap', () => {
  it('places each day of the year in Monday rows and week columns', () => {
    // 2021-01-01 is a Friday: row 4 of column 0; 2021-01-04 (Monday) starts column 1
    const h = buildHeatmap([day('2021-01-01'), day('2021-01-01'), day('2021-06-16')], 2021);
    expect(h.cells).toHaveLength(365);
    expect(h.cells[0]).toEqual({ date: '2021-01-01', count: 2, row: 4, column: 0 });
    expect(h.cells[3]).toMatchObject({ date: '2021-01-04', row: 0, column: 1 });
    expect(h.max).toBe(2);
    expect(h.columns).toBe(53);
    expect(h.monthColumns).toHaveLength(12);
    expect(h.monthColumns[0]).toBe(0);
  });

  it('counts activities dated only to a month or year apart, and ignores other years', () => {
    const h = buildHeatmap(
      [
        { occurredOn: '2021-07-01', datePrecision: 'MONTH', type: 'STUDY' },
        { occurredOn: '2021-01-01', datePrecision: 'YEAR', type: 'CONGRESS_SESSION' },
        day('2020-12-31'),
      ],
      2021,
    );
    expect(h.undated).toBe(2);
    expect(h.max).toBe(0);
    expect(h.cells.every((c) => c.count === 0)).toBe(true);
  });

  it('handles a leap year', () => {
    expect(buildHeatmap([], 2024).cells).toHaveLength(366);
  });
});

describe('monthBlocks', () => {
  it('splits the year into twelve month calendars, December and its last day included', () => {
    const blocks = monthBlocks(buildHeatmap([day('2026-11-20'), day('2026-11-20'), day('2026-12-31')], 2026));
    expect(blocks.map((b) => b.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(blocks.map((b) => b.cells.length)).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    // 2026-11-01 is a Sunday: the 1st sits in the first week's last column, the 20th (a Friday) in week 3
    const november = blocks[10]!;
    expect(november.cells[0]).toMatchObject({ date: '2026-11-01', weekday: 6, week: 0 });
    expect(november.cells.find((c) => c.date === '2026-11-20')).toMatchObject({ count: 2, weekday: 4, week: 3 });
    // 2026-12-31 is a Thursday in December's fifth week
    expect(blocks[11]!.cells.at(-1)).toMatchObject({ date: '2026-12-31', count: 1, weekday: 3, week: 4 });
    expect(Math.max(...blocks.flatMap((b) => b.cells.map((c) => c.week)))).toBeLessThanOrEqual(5);
  });
});

describe('heatLevel', () => {
  it('steps 0–4 relative to the busiest day', () => {
    expect(heatLevel(0, 5)).toBe(0);
    expect(heatLevel(1, 5)).toBe(1);
    expect(heatLevel(5, 5)).toBe(4);
    expect(heatLevel(3, 0)).toBe(0);
  });
});

describe('monthlyByType', () => {
  it('stacks months by type in the given order, month precision included, year precision apart', () => {
    const m = monthlyByType(
      [
        day('2021-06-16', 'STUDY'),
        { occurredOn: '2021-07-01', datePrecision: 'MONTH', type: 'STUDY' },
        day('2021-11-08', 'RESEARCH_VISIT'),
        { occurredOn: '2021-01-01', datePrecision: 'YEAR', type: 'CONGRESS_SESSION' },
      ],
      2021,
      ['RESEARCH_VISIT', 'STUDY', 'INSPECTION'],
    );
    expect(m.types).toEqual(['RESEARCH_VISIT', 'STUDY']);
    expect(m.counts[1]!.slice(5, 7)).toEqual([1, 1]);
    expect(m.counts[0]![10]).toBe(1);
    expect(m.yearOnly).toBe(1);
  });
});
