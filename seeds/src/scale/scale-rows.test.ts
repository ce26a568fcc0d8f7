import { copyLine } from './copy-text.js';
import { TABLE_SPECS, USER_COLUMNS, townshipShape, userRows } from './scale-rows.js';
import { SCALE_TIERS, countyOfTownship, firstTownshipOfCounty } from './scale-tiers.js';

const tier = SCALE_TIERS.county;
// Generated once: the county tier is ~70,000 rows.
const generated = new Map(TABLE_SPECS.map((spec) => [spec.table, [...spec.rows(tier)]]));
const rowsOf = (table: string) => generated.get(table)!;

describe('scale generator', () => {
  it('generates the same rows on every run', () => {
    for (const spec of TABLE_SPECS) expect([...spec.rows(tier)]).toEqual(rowsOf(spec.table));
  });

  it('marks every row that has a provenance SYNTHETIC', () => {
    for (const spec of TABLE_SPECS) {
      const column = spec.columns.indexOf('provenance');
      if (column < 0) continue;
      expect(rowsOf(spec.table).filter((row) => row[column] !== 'SYNTHETIC')).toEqual([]);
    }
  });

  it('gives each row as many values as its columns and unique ids', () => {
    for (const spec of TABLE_SPECS) {
      const rows = rowsOf(spec.table);
      expect(rows.filter((row) => row.length !== spec.columns.length)).toEqual([]);
      expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    }
    const users = [...userRows(tier, 'hash')];
    for (const row of users) expect(row).toHaveLength(USER_COLUMNS.length);
    expect(new Set(users.map((u) => u[1])).size).toBe(users.length);
  });

  it('references only deputies and activities that exist, each deputy once per activity', () => {
    const deputies = new Set(rowsOf('deputy').map((r) => r[0]));
    const activities = new Set(rowsOf('activity').map((r) => r[0]));
    const participants = rowsOf('activity_participant');
    expect(participants.filter((row) => !activities.has(row[4]!) || !deputies.has(row[5]!))).toEqual([]);
    const pairs = new Set(participants.map((row) => `${String(row[4])}|${String(row[5])}`));
    expect(pairs.size).toBe(rowsOf('activity_participant').length);
  });

  it('keeps a township identical across tiers and spreads townships evenly over counties', () => {
    expect(townshipShape(7)).toEqual(townshipShape(7));
    const national = SCALE_TIERS.national;
    expect(countyOfTownship(national, 0)).toBe(0);
    expect(countyOfTownship(national, national.townships - 1)).toBe(national.counties - 1);
    for (const county of [0, 1, 999, national.counties - 1]) {
      expect(countyOfTownship(national, firstTownshipOfCounty(national, county))).toBe(county);
    }
  });

  it('escapes COPY text', () => {
    expect(copyLine(['a\tb', null, 'c\\d\ne', true, 3])).toBe('a\\tb\t\\N\tc\\\\d\\ne\tt\t3\n');
  });
});
