import { describe, expect, it } from '@jest/globals';
import { buildSeedDataset } from './index.js';
import type { SeedActivityType, SeedPeriodFigure } from './index.js';

const dataset = buildSeedDataset();

function figure(townshipKey: string, metricKey: string, periodKind: 'YEAR' | 'TERM' = 'YEAR'): SeedPeriodFigure {
  const found = dataset.periodFigures.find(
    (f) => f.townshipKey === townshipKey && f.metricKey === metricKey && f.periodKind === periodKind,
  );
  if (found === undefined) throw new Error(`no ${periodKind} figure ${townshipKey}/${metricKey}`);
  return found;
}

function activities(townshipKey: string, ...types: SeedActivityType[]) {
  return dataset.activities.filter(
    (a) => a.townshipKey === townshipKey && types.includes(a.type) && a.occurredOn.startsWith('2021'),
  );
}

function deputies(townshipKey: string, level: 'TOWNSHIP' | 'COUNTY_OR_CITY') {
  return dataset.deputies.filter((d) => d.townshipKey === townshipKey && d.level === level);
}

describe('the county and townships', () => {
  it('seeds the demonstration county with five reported townships', () => {
    expect(dataset.counties).toEqual([
      { key: 'demo-county', code: 'DEMO', name: '示范县', nameEn: 'Demonstration County' },
    ]);
    expect(dataset.townships.map((t) => t.name)).toEqual([
      '群利镇',
      '思蒙镇',
      '鹤毛镇',
      '镇江镇',
      '某镇（第二届主席团报告）',
    ]);
    expect(dataset.townships.every((t) => t.provenance === 'REPORTED' && t.countyKey === 'demo-county')).toBe(true);
  });
});

describe('群利镇 (qunli-2021.txt)', () => {
  it('has the 2021-06-26 general election and the 2021-07-09 by-election', () => {
    const elections = dataset.elections.filter((e) => e.townshipKey === 'qunli');
    expect(elections).toEqual([
      expect.objectContaining({
        heldOn: '2021-06-26',
        kind: 'GENERAL',
        countyDeputiesElected: 8,
        townshipDeputiesElected: 61,
        registeredVoters: null,
        votersVoted: null,
        provenance: 'REPORTED',
      }),
      expect.objectContaining({
        heldOn: '2021-07-09',
        kind: 'BY_ELECTION',
        countyDeputiesElected: 1,
        provenance: 'REPORTED',
      }),
    ]);
  });

  it('has 61 township and 9 county deputies of the 8th term, one by-elected', () => {
    expect(deputies('qunli', 'TOWNSHIP')).toHaveLength(61);
    const county = deputies('qunli', 'COUNTY_OR_CITY');
    expect(county).toHaveLength(9);
    expect(county.filter((d) => d.byElection).map((d) => d.electedOn)).toEqual(['2021-07-09']);
    expect(dataset.terms.find((t) => t.townshipKey === 'qunli')?.ordinal).toBe(8);
  });

  it('counts the three studies of its 代表学习活动 section, not the 6-16 training of election staff', () => {
    expect(figure('qunli', 'study_sessions')).toMatchObject({ value: 3, qualifier: 'EXACT' });
    expect(activities('qunli', 'STUDY').map((a) => a.occurredOn)).toEqual(['2021-09-01', '2021-11-01', '2021-12-01']);
  });

  it('dates the first session (year only) after the election of the deputies who attended it', () => {
    const [session] = activities('qunli', 'CONGRESS_SESSION');
    expect(session?.datePrecision).toBe('YEAR');
    expect(session!.occurredOn > '2021-06-26').toBe(true);
    expect(session!.occurredOn.startsWith('2021-')).toBe(true);
  });

  it("keeps the station's 1—3 deputies as a range, and the suggestion in progress assigned", () => {
    const station = dataset.stations.find((s) => s.townshipKey === 'qunli');
    expect([station?.deputiesPerReceptionMin, station?.deputiesPerReception]).toEqual([1, 3]);
    const inProgress = dataset.suggestions.filter((s) => s.townshipKey === 'qunli' && s.state === 'IN_PROGRESS');
    expect(inProgress.length).toBeGreaterThan(0);
    expect(inProgress.every((s) => s.assignedOn !== null && s.assignedOn >= s.submittedOn)).toBe(true);
  });

  it('has the first session of the 8th congress with 60 present and 1 excused', () => {
    const [session] = activities('qunli', 'CONGRESS_SESSION');
    expect(session?.participants).toHaveLength(61);
    expect(session?.participants.filter((p) => p.attendance === 'PRESENT')).toHaveLength(60);
    expect(session?.participants.filter((p) => p.attendance === 'EXCUSED')).toHaveLength(1);
    expect(figure('qunli', 'congress_attendance_rate').value).toBe(98.36);
  });

  it('has every dated event with its day or month', () => {
    const dated = dataset.activities
      .filter((a) => a.townshipKey === 'qunli' && a.provenance === 'REPORTED' && a.datePrecision !== 'YEAR')
      .map((a) => `${a.occurredOn} ${a.datePrecision} ${a.type}`);
    expect(dated).toEqual(
      expect.arrayContaining([
        '2021-06-30 DAY INSPECTION',
        '2021-11-08 DAY RESEARCH_VISIT',
        '2021-11-10 DAY SUPERVISION',
        '2021-11-11 DAY SUPERVISION',
        '2021-12-13 DAY GOVERNMENT_REPORT_HEARING',
        '2021-09-01 MONTH STUDY',
        '2021-11-01 MONTH STUDY',
        '2021-12-01 MONTH STUDY',
      ]),
    );
    const groupStudies = activities('qunli', 'DEPUTY_GROUP_ACTIVITY');
    expect(groupStudies).toHaveLength(4);
    expect(new Set(groupStudies.map((a) => a.groupKey)).size).toBe(4);
    expect(groupStudies.every((a) => a.occurredOn === '2021-07-01' && a.datePrecision === 'MONTH')).toBe(true);
  });

  it('has four reported deputy groups and the 九龙坡 liaison station on the last Tuesday', () => {
    expect(dataset.deputyGroups.filter((g) => g.townshipKey === 'qunli' && g.provenance === 'REPORTED')).toHaveLength(
      4,
    );
    const station = dataset.stations.find((s) => s.townshipKey === 'qunli');
    expect(station).toEqual(
      expect.objectContaining({
        name: '九龙坡片区人大代表联络站',
        village: '九龙坡村',
        kind: 'LIAISON_STATION',
        scheduleKind: 'MONTHLY_LAST_WEEKDAY',
        scheduleWeekday: 2,
        deputiesPerReception: 3,
        provenance: 'REPORTED',
      }),
    );
  });

  it('has the two reported suggestions', () => {
    const reported = dataset.suggestions.filter((s) => s.townshipKey === 'qunli' && s.provenance === 'REPORTED');
    expect(reported.map((s) => [s.submittedOn, s.state, s.outcomeClass])).toEqual([
      ['2021-06-30', 'IN_PROGRESS', 'B'],
      ['2021-11-08', 'SUBMITTED', null],
    ]);
  });
});

describe('思蒙镇 (simeng-2021.txt)', () => {
  it('has the first session of the 2nd congress on 2021-08-30', () => {
    expect(dataset.sessions.find((s) => s.key.startsWith('simeng'))?.startsOn).toBe('2021-08-30');
    expect(dataset.terms.find((t) => t.townshipKey === 'simeng')?.ordinal).toBe(2);
  });

  it('has 6 law-enforcement checks as figure and as synthetic-dated rows', () => {
    expect(figure('simeng', 'law_enforcement_checks').value).toBe(6);
    const rows = activities('simeng', 'LAW_ENFORCEMENT_CHECK');
    expect(rows).toHaveLength(6);
    expect(rows.every((a) => a.provenance === 'SYNTHETIC')).toBe(true);
  });

  it('has exactly 11 suggestions, all completed in 2021 (100%)', () => {
    const rows = dataset.suggestions.filter((s) => s.townshipKey === 'simeng');
    expect(rows).toHaveLength(11);
    for (const s of rows) {
      expect(s.state).toBe('COMPLETED');
      expect(s.outcomeClass).not.toBeNull();
      expect(s.provenance).toBe('SYNTHETIC');
      expect(s.repliedOn?.startsWith('2021')).toBe(true);
      expect(s.completedOn !== null && s.completedOn <= '2021-12-01').toBe(true);
    }
    expect(rows.filter((s) => s.outcomeClass === 'A').length).toBeGreaterThan(rows.length / 2);
    expect(figure('simeng', 'suggestions_received').value).toBe(11);
    expect(figure('simeng', 'suggestion_completion_rate').value).toBe(100);
  });

  it('has 25 visits and 3 letters, every letter answered', () => {
    const contacts = dataset.voterContacts.filter((c) => c.townshipKey === 'simeng');
    expect(contacts.filter((c) => c.kind === 'VISIT')).toHaveLength(25);
    const letters = contacts.filter((c) => c.kind === 'LETTER');
    expect(letters).toHaveLength(3);
    expect(letters.every((c) => c.replied)).toBe(true);
    expect(figure('simeng', 'visitors_received').value).toBe(25);
    expect(figure('simeng', 'letters_answered').value).toBe(3);
    expect(figure('simeng', 'livelihood_projects_voted').value).toBe(2);
    expect(figure('simeng', 'government_reports_heard').value).toBe(1);
  });
});

describe('镇江镇 (zhenjiang-2021.txt)', () => {
  it('has the election figures', () => {
    expect(figure('zhenjiang', 'registered_voters').value).toBe(38590);
    expect(figure('zhenjiang', 'voters_voted').value).toBe(36196);
    expect(figure('zhenjiang', 'election_turnout').value).toBe(93.8);
    expect(dataset.elections.find((e) => e.townshipKey === 'zhenjiang')).toEqual(
      expect.objectContaining({
        registeredVoters: 38590,
        votersVoted: 36196,
        countyDeputiesElected: 15,
        townshipDeputiesElected: 81,
      }),
    );
    expect(deputies('zhenjiang', 'TOWNSHIP')).toHaveLength(81);
    expect(deputies('zhenjiang', 'COUNTY_OR_CITY')).toHaveLength(15);
  });

  it('keeps "X项" unknown, never zero', () => {
    for (const key of ['government_reports_heard', 'resolutions_made']) {
      expect(figure('zhenjiang', key)).toEqual(expect.objectContaining({ value: null, note: '报告原文为X项' }));
    }
  });

  it('has 4 meetings, 23 inspections and research visits, 30余次 supervision and 10 outreach events', () => {
    expect(figure('zhenjiang', 'meetings_held').value).toBe(4);
    expect(activities('zhenjiang', 'CONGRESS_SESSION', 'DEPUTY_MEETING')).toHaveLength(4);
    expect(figure('zhenjiang', 'inspections_and_research_visits').value).toBe(23);
    expect(activities('zhenjiang', 'INSPECTION', 'RESEARCH_VISIT')).toHaveLength(23);
    expect(figure('zhenjiang', 'supervisions')).toEqual(expect.objectContaining({ value: 30, qualifier: 'AT_LEAST' }));
    expect(figure('zhenjiang', 'legal_outreach').value).toBe(10);
    expect(activities('zhenjiang', 'LEGAL_OUTREACH').every((a) => a.stationKey !== null)).toBe(true);
    expect(figure('zhenjiang', 'reports_to_party_committee').value).toBe(2);
  });

  it('has the first session of the 13th congress on 2021-09-29/30', () => {
    expect(dataset.sessions.find((s) => s.key.startsWith('zhenjiang'))).toEqual(
      expect.objectContaining({ startsOn: '2021-09-29', endsOn: '2021-09-30' }),
    );
  });
});

describe('鹤毛镇 (hemao-2021.txt)', () => {
  it('has 5 presidium meetings in 2021 and the five-year term figures', () => {
    expect(figure('hemao', 'presidium_meetings').value).toBe(5);
    // The report never numbers its term.
    expect(dataset.terms.find((t) => t.townshipKey === 'hemao')?.ordinal).toBeNull();
    expect(activities('hemao', 'PRESIDIUM_MEETING')).toHaveLength(5);
    expect(figure('hemao', 'meetings_held', 'TERM').value).toBe(9);
    expect(figure('hemao', 'county_deputies_by_elected', 'TERM').value).toBe(3);
    expect(figure('hemao', 'township_deputies_by_elected', 'TERM').value).toBe(2);
    expect(figure('hemao', 'research_reports', 'TERM').value).toBe(2);
  });
});

describe('the unnamed town (unnamed-town-term2.txt)', () => {
  it('reports whole-term figures only, with their qualifiers', () => {
    const figures = dataset.periodFigures.filter((f) => f.townshipKey === 'unnamed');
    expect(figures.every((f) => f.periodKind === 'TERM' && f.termKey === 'unnamed-term-2' && f.year === null)).toBe(
      true,
    );
    expect(figure('unnamed', 'voter_contacts', 'TERM')).toEqual(
      expect.objectContaining({ value: 10000, qualifier: 'APPROXIMATE' }),
    );
    expect(figure('unnamed', 'opinions_collected', 'TERM')).toEqual(
      expect.objectContaining({ value: 980, qualifier: 'AT_LEAST' }),
    );
    expect(figure('unnamed', 'county_deputies_reported_to_voters', 'TERM').value).toBe(46);
    expect(figure('unnamed', 'township_deputies_reported_to_voters', 'TERM').value).toBe(51);
    expect(figure('unnamed', 'inspections', 'TERM').value).toBe(23);
  });

  it('has 46 county and 51 town deputies', () => {
    expect(deputies('unnamed', 'COUNTY_OR_CITY')).toHaveLength(46);
    expect(deputies('unnamed', 'TOWNSHIP')).toHaveLength(51);
  });

  it('has 8 activity stations: the two named ones reported with an unknown day, six synthetic on the 10th or 20th', () => {
    const stations = dataset.stations.filter((s) => s.townshipKey === 'unnamed');
    expect(stations).toHaveLength(8);
    expect(
      stations.every(
        (s) => s.kind === 'ACTIVITY_STATION' && s.scheduleKind === 'MONTHLY_DAY' && s.deputiesPerReception === 3,
      ),
    ).toBe(true);
    const reported = stations.filter((s) => s.provenance === 'REPORTED');
    expect(reported.map((s) => s.name)).toEqual(['迅达电磁线公司人大代表活动站', '康龙玻璃工艺品公司人大代表活动站']);
    expect(reported.every((s) => s.scheduleDayOfMonth === null)).toBe(true);
    for (const s of stations.filter((st) => st.provenance === 'SYNTHETIC'))
      expect([10, 20]).toContain(s.scheduleDayOfMonth);
  });
});
