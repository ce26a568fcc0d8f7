import { describe, expect, it } from '@jest/globals';
import { buildSeedDataset } from './index.js';

const dataset = buildSeedDataset();
const kindOf = new Map(dataset.metricDefinitions.map((m) => [m.key, m.kind]));
const yearFigures = dataset.periodFigures.filter((f) => f.periodKind === 'YEAR' && f.year === 2021);
const townshipsWithYearFigures = [...new Set(yearFigures.map((f) => f.townshipKey))];
/** Figures fed by a record dated to the year only (群利镇's session, 镇江镇's election): no quarter can hold them. */
const YEAR_ONLY: readonly (readonly [string, string])[] = [
  ['qunli', 'meetings_held'],
  ['qunli', 'congress_attendance_rate'],
  ['zhenjiang', 'registered_voters'],
  ['zhenjiang', 'voters_voted'],
  ['zhenjiang', 'election_turnout'],
  ['zhenjiang', 'county_deputies_elected'],
  ['zhenjiang', 'township_deputies_elected'],
];
const yearOnly = (townshipKey: string, metricKey: string) =>
  YEAR_ONLY.some(([t, m]) => t === townshipKey && m === metricKey);

function quarterValues(townshipKey: string, metricKey: string) {
  return dataset.quarterlyReports
    .filter((r) => r.townshipKey === townshipKey && r.year === 2021)
    .sort((a, b) => a.quarter - b.quarter)
    .map((r) => r.values.find((v) => v.metricKey === metricKey));
}

describe('quarterly reports', () => {
  it('has Q1-Q4 2021, ACCEPTED and filed after the quarter ends, for each township with 2021 figures', () => {
    expect(townshipsWithYearFigures.sort()).toEqual(['hemao', 'qunli', 'simeng', 'zhenjiang']);
    for (const townshipKey of townshipsWithYearFigures) {
      const reports = dataset.quarterlyReports.filter((r) => r.townshipKey === townshipKey);
      expect(reports.map((r) => r.quarter)).toEqual([1, 2, 3, 4]);
      for (const r of reports) {
        expect(r.state).toBe('ACCEPTED');
        const quarterEnd = `2021-${['03-31', '06-30', '09-30', '12-31'][r.quarter - 1]}`;
        expect((r.submittedAt ?? '') > quarterEnd).toBe(true);
      }
    }
  });

  it('gives the unnamed town (whole-term figures only) no quarterly report', () => {
    expect(dataset.quarterlyReports.filter((r) => r.townshipKey === 'unnamed')).toEqual([]);
  });

  it('carries exactly the metrics that have a 2021 figure, all SYNTHETIC', () => {
    for (const r of dataset.quarterlyReports) {
      const expected = yearFigures
        .filter((f) => f.townshipKey === r.townshipKey)
        .map((f) => f.metricKey)
        .sort();
      expect(r.values.map((v) => v.metricKey).sort()).toEqual(expected);
      expect(r.values.every((v) => v.provenance === 'SYNTHETIC')).toBe(true);
    }
  });

  it.each(
    yearFigures
      .filter((f) => kindOf.get(f.metricKey) === 'COUNT' && f.value !== null && !yearOnly(f.townshipKey, f.metricKey))
      .map((f) => [f.townshipKey, f.metricKey, f.value] as const),
  )('%s %s: the four quarters add up to the reported %d', (townshipKey, metricKey, annual) => {
    const values = quarterValues(townshipKey, metricKey).map((v) => v?.value);
    expect(values).toHaveLength(4);
    for (const v of values) expect(Number.isInteger(v) && (v as number) >= 0).toBe(true);
    expect(values.reduce((sum: number, v) => sum + (v as number), 0)).toBe(annual);
  });

  it.each(YEAR_ONLY)('%s %s: a year-only record puts its figure in no quarter', (townshipKey, metricKey) => {
    expect(yearFigures.some((f) => f.townshipKey === townshipKey && f.metricKey === metricKey)).toBe(true);
    expect(quarterValues(townshipKey, metricKey).map((v) => v?.value)).toEqual([null, null, null, null]);
  });

  it('never invents a quarterly value where the annual figure is unknown', () => {
    const unknown = yearFigures.filter((f) => f.value === null);
    expect(unknown.length).toBeGreaterThan(0);
    for (const f of unknown) {
      expect(quarterValues(f.townshipKey, f.metricKey).map((v) => v?.value)).toEqual([null, null, null, null]);
    }
  });

  it('carries the qualifier of the annual figure into every quarter', () => {
    for (const f of yearFigures) {
      for (const v of quarterValues(f.townshipKey, f.metricKey)) expect(v?.qualifier).toBe(f.qualifier);
    }
    expect(quarterValues('zhenjiang', 'supervisions').every((v) => v?.qualifier === 'AT_LEAST')).toBe(true);
  });

  it('puts events with real dates in their own quarter', () => {
    // 群利镇: election 6/26 (Q2), by-election 7/9 (Q3); studies Sept, Nov, Dec.
    expect(quarterValues('qunli', 'township_deputies_elected').map((v) => v?.value)).toEqual([0, 61, 0, 0]);
    expect(quarterValues('qunli', 'county_deputies_by_elected').map((v) => v?.value)).toEqual([0, 0, 1, 0]);
    expect(quarterValues('qunli', 'study_sessions').map((v) => v?.value)).toEqual([0, 0, 1, 2]);
    expect(quarterValues('qunli', 'supervisions').map((v) => v?.value)).toEqual([0, 0, 0, 2]);
    // 思蒙镇: livelihood projects were voted at the 8/30 session.
    expect(quarterValues('simeng', 'livelihood_projects_voted').map((v) => v?.value)).toEqual([0, 0, 2, 0]);
  });

  it('matches the records: quarterly counts equal the activity rows of each quarter', () => {
    const rows = dataset.activities.filter(
      (a) => a.townshipKey === 'zhenjiang' && ['INSPECTION', 'RESEARCH_VISIT'].includes(a.type),
    );
    const perQuarter = [1, 2, 3, 4].map(
      (q) => rows.filter((a) => Math.ceil(Number(a.occurredOn.slice(5, 7)) / 3) === q).length,
    );
    expect(quarterValues('zhenjiang', 'inspections_and_research_visits').map((v) => v?.value)).toEqual(perQuarter);
  });

  it('gives rates the annual value where the quarter has data and null elsewhere', () => {
    for (const f of yearFigures.filter(
      (fig) => kindOf.get(fig.metricKey) === 'RATE' && !yearOnly(fig.townshipKey, fig.metricKey),
    )) {
      const values = quarterValues(f.townshipKey, f.metricKey).map((v) => v?.value);
      expect(values.some((v) => v === f.value)).toBe(true);
      expect(values.every((v) => v === f.value || v === null)).toBe(true);
    }
  });
});
