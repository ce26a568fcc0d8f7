import { describe, expect, it } from '@jest/globals';
import { buildSeedDataset } from './index.js';
import type { SeedDataset } from './index.js';
import { isWorkingDay } from './dates/national-calendar-2021.js';

const dataset = buildSeedDataset();

function keysOf(rows: readonly { key: string }[]): Set<string> {
  return new Set(rows.map((row) => row.key));
}

describe('buildSeedDataset', () => {
  it('is deterministic: two builds are deep-equal', () => {
    expect(buildSeedDataset()).toEqual(buildSeedDataset());
  });

  it('returns fresh objects, so mutating one build cannot leak into the next', () => {
    const first = buildSeedDataset();
    (first.deputies[0] as { name: string }).name = 'changed';
    first.activities.length = 0;
    const second = buildSeedDataset();
    expect(second.deputies[0]?.name).not.toBe('changed');
    expect(second.activities.length).toBeGreaterThan(0);
  });

  it('is plain serialisable data', () => {
    expect(JSON.parse(JSON.stringify(dataset)) as SeedDataset).toEqual(dataset);
  });

  it('stays small enough to load fast', () => {
    const rows = Object.values(dataset).reduce((sum, table: unknown[]) => sum + table.length, 0);
    const participants = dataset.activities.reduce((sum, a) => sum + a.participants.length, 0);
    expect(rows + participants).toBeLessThan(3000);
  });

  it.each([
    'counties',
    'townships',
    'terms',
    'sessions',
    'deputyGroups',
    'stations',
    'deputies',
    'activities',
    'suggestions',
    'voterContacts',
    'elections',
    'metricDefinitions',
    'quarterlyReports',
  ] as const)('has unique keys in %s', (table) => {
    const keys = dataset[table].map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has one period figure per township, metric and period', () => {
    const ids = dataset.periodFigures.map(
      (f) => `${f.townshipKey}|${f.metricKey}|${f.periodKind}|${f.year}|${f.termKey}`,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every synthetic deputy a unique phone number', () => {
    const phones = dataset.deputies.map((d) => d.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones) expect(phone).toMatch(/^139\d{8}$/);
  });
});

describe('key references', () => {
  const counties = keysOf(dataset.counties);
  const townships = keysOf(dataset.townships);
  const terms = keysOf(dataset.terms);
  const sessions = keysOf(dataset.sessions);
  const groups = keysOf(dataset.deputyGroups);
  const stations = keysOf(dataset.stations);
  const deputies = keysOf(dataset.deputies);
  const metrics = keysOf(dataset.metricDefinitions);
  const townshipOf = new Map<string, string>([
    ...dataset.terms.map((t) => [t.key, t.townshipKey] as const),
    ...dataset.deputyGroups.map((g) => [g.key, g.townshipKey] as const),
    ...dataset.stations.map((s) => [s.key, s.townshipKey] as const),
    ...dataset.deputies.map((d) => [d.key, d.townshipKey] as const),
    ...dataset.sessions.map((s) => [s.key, townshipOfTerm(s.termKey)] as const),
  ]);
  function townshipOfTerm(termKey: string): string {
    return dataset.terms.find((t) => t.key === termKey)?.townshipKey ?? 'missing';
  }
  /** A reference must exist and belong to the same township as the row holding it. */
  function expectLocal(key: string | null, known: Set<string>, townshipKey: string): void {
    if (key === null) return;
    expect(known.has(key) ? key : `missing:${key}`).toBe(key);
    expect(townshipOf.get(key)).toBe(townshipKey);
  }

  it('townships point to the county', () => {
    for (const t of dataset.townships) expect(counties.has(t.countyKey)).toBe(true);
  });

  it('terms, sessions, groups and stations resolve', () => {
    for (const t of dataset.terms) expect(townships.has(t.townshipKey)).toBe(true);
    for (const s of dataset.sessions) expect(terms.has(s.termKey)).toBe(true);
    for (const g of dataset.deputyGroups) expect(townships.has(g.townshipKey)).toBe(true);
    for (const s of dataset.stations) expect(townships.has(s.townshipKey)).toBe(true);
  });

  it('deputies resolve their township, term, group and station', () => {
    for (const d of dataset.deputies) {
      expect(townships.has(d.townshipKey)).toBe(true);
      expectLocal(d.termKey, terms, d.townshipKey);
      expectLocal(d.groupKey, groups, d.townshipKey);
      expectLocal(d.stationKey, stations, d.townshipKey);
    }
  });

  it('activities resolve station, group, session and every participant', () => {
    for (const a of dataset.activities) {
      expect(townships.has(a.townshipKey)).toBe(true);
      expectLocal(a.stationKey, stations, a.townshipKey);
      expectLocal(a.groupKey, groups, a.townshipKey);
      expectLocal(a.sessionKey, sessions, a.townshipKey);
      const participantKeys = a.participants.map((p) => p.deputyKey);
      expect(new Set(participantKeys).size).toBe(participantKeys.length);
      for (const key of participantKeys) expectLocal(key, deputies, a.townshipKey);
    }
  });

  it('suggestions resolve session and proposers', () => {
    for (const s of dataset.suggestions) {
      expect(townships.has(s.townshipKey)).toBe(true);
      expectLocal(s.sessionKey, sessions, s.townshipKey);
      for (const key of s.proposerKeys) expectLocal(key, deputies, s.townshipKey);
    }
  });

  it('voter contacts, elections, figures and quarterly reports resolve', () => {
    for (const c of dataset.voterContacts) {
      expect(townships.has(c.townshipKey)).toBe(true);
      expectLocal(c.stationKey, stations, c.townshipKey);
      expectLocal(c.deputyKey, deputies, c.townshipKey);
    }
    for (const e of dataset.elections) expect(townships.has(e.townshipKey)).toBe(true);
    for (const f of dataset.periodFigures) {
      expect(townships.has(f.townshipKey)).toBe(true);
      expect(metrics.has(f.metricKey)).toBe(true);
      expectLocal(f.termKey, terms, f.townshipKey);
    }
    for (const r of dataset.quarterlyReports) {
      expect(townships.has(r.townshipKey)).toBe(true);
      for (const v of r.values) expect(metrics.has(v.metricKey)).toBe(true);
    }
  });

  it('rate metrics name COUNT metrics as numerator and denominator', () => {
    const kinds = new Map(dataset.metricDefinitions.map((m) => [m.key, m.kind]));
    for (const m of dataset.metricDefinitions.filter((d) => d.numeratorKey !== null || d.denominatorKey !== null)) {
      expect(m.kind).toBe('RATE');
      expect(kinds.get(m.numeratorKey ?? '')).toBe('COUNT');
      expect(kinds.get(m.denominatorKey ?? '')).toBe('COUNT');
    }
  });
});

describe('workflow and calendar', () => {
  it('gives every suggestion past submission the dates of the steps it went through', () => {
    for (const s of dataset.suggestions) {
      if (['ASSIGNED', 'IN_PROGRESS', 'REPLIED', 'COMPLETED'].includes(s.state)) expect(s.assignedOn).not.toBeNull();
      if (['REPLIED', 'COMPLETED'].includes(s.state)) expect(s.repliedOn).not.toBeNull();
      if (s.state === 'SUBMITTED') expect([s.assignedOn, s.repliedOn, s.completedOn]).toEqual([null, null, null]);
    }
  });

  it('puts every generated event on a working day of the national calendar', () => {
    const generated = dataset.activities.filter((a) => a.provenance === 'SYNTHETIC');
    expect(generated.length).toBeGreaterThan(50);
    const offDays = generated.filter((a) => !isWorkingDay(a.occurredOn)).map((a) => `${a.key} ${a.occurredOn}`);
    expect(offDays).toEqual([]);
    const contacts = dataset.voterContacts.filter((c) => c.provenance === 'SYNTHETIC');
    expect(contacts.filter((c) => !isWorkingDay(c.receivedOn))).toEqual([]);
    const suggestionDays = dataset.suggestions
      .filter((s) => s.provenance === 'SYNTHETIC')
      .flatMap((s) => [s.submittedOn, s.assignedOn, s.repliedOn, s.completedOn])
      .filter((d): d is string => d !== null);
    expect(suggestionDays.filter((d) => !isWorkingDay(d))).toEqual([]);
  });
});

describe('provenance and dates', () => {
  it('marks every deputy synthetic', () => {
    expect(dataset.deputies.every((d) => d.provenance === 'SYNTHETIC')).toBe(true);
  });

  it('keeps dates well-formed and in order', () => {
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    for (const a of dataset.activities) {
      expect(a.occurredOn).toMatch(iso);
      if (a.datePrecision === 'MONTH') expect(a.occurredOn.endsWith('-01')).toBe(true);
      // A year-only date is the earliest day the report allows; it stays inside its year.
      if (a.datePrecision === 'YEAR') expect(a.occurredOn.startsWith('2021-')).toBe(true);
    }
    for (const s of dataset.suggestions) {
      const chain = [s.submittedOn, s.assignedOn, s.repliedOn, s.completedOn].filter((d): d is string => d !== null);
      expect([...chain].sort()).toEqual(chain);
      if (s.state === 'COMPLETED') expect(s.completedOn).not.toBeNull();
      if (s.state !== 'COMPLETED') expect(s.completedOn).toBeNull();
    }
    for (const c of dataset.voterContacts) {
      if (c.replied) expect(c.repliedOn !== null && c.repliedOn >= c.receivedOn).toBe(true);
      else expect(c.repliedOn).toBeNull();
    }
  });

  it('dates synthetic-dated activities as SYNTHETIC and reported ones with a stated precision', () => {
    for (const a of dataset.activities) {
      if (a.provenance === 'REPORTED') expect(['DAY', 'MONTH', 'YEAR']).toContain(a.datePrecision);
      else expect(a.datePrecision).toBe('DAY');
    }
  });
});
