import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface Figure {
  metricKey: string;
  periodKind: 'YEAR' | 'TERM';
  year: number | null;
  value: number | null;
  qualifier: string;
  provenance: string;
}

interface TownshipData {
  id: string;
  code: string;
  name: string;
  figures: Figure[];
  deputyGroups: { name: string }[];
  stations: {
    name: string;
    village: string | null;
    scheduleKind: string | null;
    scheduleWeekday: number | null;
    scheduleDayOfMonth: number | null;
    provenance: string;
  }[];
  elections: {
    heldOn: string;
    kind: string;
    registeredVoters: number | null;
    votersVoted: number | null;
    countyDeputiesElected: number | null;
    townshipDeputiesElected: number | null;
    provenance: string;
  }[];
  townshipDeputies: { totalCount: number };
  countyDeputies: { totalCount: number };
  suggestions: { totalCount: number; nodes: { state: string; provenance: string }[] };
  quarterlyReports: {
    year: number;
    quarter: number;
    values: { metricKey: string; reportedValue: number | null; provenance: string }[];
  }[];
}

const TOWNSHIPS = `{
  townships(first: 10) {
    nodes {
      id code name
      figures { metricKey periodKind year value qualifier provenance }
      deputyGroups { name }
      stations { name village scheduleKind scheduleWeekday scheduleDayOfMonth provenance }
      elections { heldOn kind registeredVoters votersVoted countyDeputiesElected townshipDeputiesElected provenance }
      townshipDeputies: deputies(first: 0, filter: { level: TOWNSHIP }) { totalCount }
      countyDeputies: deputies(first: 0, filter: { level: COUNTY_OR_CITY }) { totalCount }
      suggestions(first: 200) { totalCount nodes { state provenance } }
      quarterlyReports { year quarter values { metricKey reportedValue provenance } }
    }
  }
}`;

describe('seed data through the API: figures from each of the five reports', () => {
  let t: TestServer;
  let towns: Map<string, TownshipData>;

  const figure = (code: string, metricKey: string, periodKind: 'YEAR' | 'TERM' = 'YEAR') => {
    const found = towns.get(code)!.figures.find((f) => f.metricKey === metricKey && f.periodKind === periodKind);
    if (!found) throw new Error(`no ${periodKind} figure ${metricKey} for ${code}`);
    return found;
  };

  const activityCount = async (townshipId: string, types: string[]) => {
    const res = await t.graphql<{ activities: { totalCount: number } }>(
      'query ($f: ActivityFilter) { activities(first: 0, filter: $f) { totalCount } }',
      { f: { townshipId, types, from: '2021-01-01', to: '2021-12-31' } },
    );
    return res.data!.activities.totalCount;
  };

  beforeAll(async () => {
    t = await startTestServer();
    const res = await t.graphql<{ townships: { nodes: TownshipData[] } }>(TOWNSHIPS);
    expect(res.errors).toBeUndefined();
    towns = new Map(res.data!.townships.nodes.map((n) => [n.code, n]));
  });
  afterAll(() => t.stop());

  it('has the five townships of the demonstration county', () => {
    expect([...towns.values()].map((n) => n.name).sort()).toEqual(
      expect.arrayContaining(['群利镇', '思蒙镇', '鹤毛镇', '镇江镇']),
    );
    expect(towns.size).toBe(5);
  });

  it('思蒙镇: 11 suggestions, all 11 completed; 25 visitors, 3 letters all answered; 6 law-enforcement checks', async () => {
    const simeng = towns.get('SIMENG')!;
    expect(simeng.suggestions.totalCount).toBe(11);
    expect(simeng.suggestions.nodes.filter((s) => s.state === 'COMPLETED')).toHaveLength(11);
    expect(figure('SIMENG', 'suggestion_completion_rate')).toMatchObject({ value: 100, provenance: 'REPORTED' });
    expect(figure('SIMENG', 'visitors_received').value).toBe(25);
    expect(figure('SIMENG', 'letters_received').value).toBe(3);
    expect(figure('SIMENG', 'letters_answered').value).toBe(3);
    const contacts = await t.graphql<{
      visits: { totalCount: number };
      letters: { totalCount: number };
      answered: { totalCount: number };
    }>(
      `query ($id: ID!) {
        visits: voterContacts(first: 0, filter: { townshipId: $id, kind: VISIT }) { totalCount }
        letters: voterContacts(first: 0, filter: { townshipId: $id, kind: LETTER }) { totalCount }
        answered: voterContacts(first: 0, filter: { townshipId: $id, kind: LETTER, replied: true }) { totalCount }
      }`,
      { id: simeng.id },
    );
    expect(contacts.data).toEqual({
      visits: { totalCount: 25 },
      letters: { totalCount: 3 },
      answered: { totalCount: 3 },
    });
    expect(await activityCount(simeng.id, ['LAW_ENFORCEMENT_CHECK'])).toBe(6);
  });

  it('群利镇: 61 township and 9 county deputies, 4 groups, the 九龙坡 station, 60 of 61 at the congress', async () => {
    const qunli = towns.get('QUNLI')!;
    expect(qunli.townshipDeputies.totalCount).toBe(61);
    expect(qunli.countyDeputies.totalCount).toBe(9);
    expect(qunli.deputyGroups).toHaveLength(4);
    expect(qunli.stations).toEqual([
      expect.objectContaining({
        village: '九龙坡村',
        scheduleKind: 'MONTHLY_LAST_WEEKDAY',
        scheduleWeekday: 2,
        provenance: 'REPORTED',
      }),
    ]);
    expect(qunli.elections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          heldOn: '2021-06-26',
          kind: 'GENERAL',
          countyDeputiesElected: 8,
          townshipDeputiesElected: 61,
          registeredVoters: null,
        }),
        expect.objectContaining({ heldOn: '2021-07-09', kind: 'BY_ELECTION', countyDeputiesElected: 1 }),
      ]),
    );
    const session = await t.graphql<{
      activities: { nodes: { participants: { attendance: string; deputy: { level: string } }[] }[] };
    }>(
      `query ($f: ActivityFilter) { activities(first: 5, filter: $f) { nodes { participants { attendance deputy { level } } } } }`,
      { f: { townshipId: qunli.id, types: ['CONGRESS_SESSION'] } },
    );
    const participants = session.data!.activities.nodes[0]!.participants;
    expect(participants).toHaveLength(61);
    expect(participants.filter((p) => p.attendance === 'PRESENT')).toHaveLength(60);
    expect(participants.filter((p) => p.attendance === 'EXCUSED')).toHaveLength(1);
    expect(participants.every((p) => p.deputy.level === 'TOWNSHIP')).toBe(true);
    const dated = await t.graphql<{
      activities: { nodes: { occurredOn: string; type: string; provenance: string }[] };
    }>(`query ($f: ActivityFilter) { activities(first: 50, filter: $f) { nodes { occurredOn type provenance } } }`, {
      f: { townshipId: qunli.id, provenance: 'REPORTED' },
    });
    expect(dated.data!.activities.nodes).toEqual(
      expect.arrayContaining([
        { occurredOn: '2021-06-30', type: 'INSPECTION', provenance: 'REPORTED' },
        { occurredOn: '2021-11-08', type: 'RESEARCH_VISIT', provenance: 'REPORTED' },
        { occurredOn: '2021-12-13', type: 'GOVERNMENT_REPORT_HEARING', provenance: 'REPORTED' },
      ]),
    );
  });

  it('镇江镇: 36,196 of 38,590 voted, 15 + 81 deputies, 4 meetings, 23 visits, "X项" unknown, "30余次" a lower bound', async () => {
    const zj = towns.get('ZHENJIANG')!;
    expect(zj.elections).toEqual([
      expect.objectContaining({
        registeredVoters: 38590,
        votersVoted: 36196,
        countyDeputiesElected: 15,
        townshipDeputiesElected: 81,
        provenance: 'REPORTED',
      }),
    ]);
    expect(zj.countyDeputies.totalCount).toBe(15);
    expect(zj.townshipDeputies.totalCount).toBe(81);
    expect(figure('ZHENJIANG', 'meetings_held').value).toBe(4);
    expect(figure('ZHENJIANG', 'inspections_and_research_visits').value).toBe(23);
    expect(figure('ZHENJIANG', 'government_reports_heard')).toMatchObject({ value: null, provenance: 'REPORTED' });
    expect(figure('ZHENJIANG', 'resolutions_made').value).toBeNull();
    expect(figure('ZHENJIANG', 'supervisions')).toMatchObject({ value: 30, qualifier: 'AT_LEAST' });
    expect(await activityCount(zj.id, ['INSPECTION', 'RESEARCH_VISIT'])).toBe(23);
    expect(await activityCount(zj.id, ['LEGAL_OUTREACH'])).toBe(10);
    expect(await activityCount(zj.id, ['CONGRESS_SESSION', 'DEPUTY_MEETING'])).toBe(4);
  });

  it('鹤毛镇: 5 presidium meetings in 2021; the five-year figures are labelled as a term', async () => {
    const hemao = towns.get('HEMAO')!;
    expect(figure('HEMAO', 'presidium_meetings')).toMatchObject({ value: 5, year: 2021, provenance: 'REPORTED' });
    expect(await activityCount(hemao.id, ['PRESIDIUM_MEETING'])).toBe(5);
    expect(figure('HEMAO', 'meetings_held', 'TERM')).toMatchObject({ value: 9, year: null });
    expect(figure('HEMAO', 'county_deputies_by_elected', 'TERM').value).toBe(3);
    expect(figure('HEMAO', 'township_deputies_by_elected', 'TERM').value).toBe(2);
  });

  it('the unnamed town: whole-term figures with their qualifiers, eight stations receiving on a day of the month', () => {
    const town = towns.get('UNNAMED')!;
    expect(figure('UNNAMED', 'county_deputies_reported_to_voters', 'TERM').value).toBe(46);
    expect(figure('UNNAMED', 'township_deputies_reported_to_voters', 'TERM').value).toBe(51);
    expect(figure('UNNAMED', 'opinions_collected', 'TERM')).toMatchObject({ value: 980, qualifier: 'AT_LEAST' });
    expect(figure('UNNAMED', 'voter_contacts', 'TERM')).toMatchObject({ value: 10000, qualifier: 'APPROXIMATE' });
    expect(figure('UNNAMED', 'inspections', 'TERM').value).toBe(23);
    expect(town.figures.filter((f) => f.periodKind === 'YEAR')).toEqual([]);
    expect(town.stations).toHaveLength(8);
    expect(town.stations.every((s) => s.scheduleKind === 'MONTHLY_DAY')).toBe(true);
    expect(
      town.stations
        .filter((s) => s.provenance === 'REPORTED')
        .map((s) => s.name)
        .join(),
    ).toMatch(/迅达.*康龙|康龙.*迅达/);
    expect(town.countyDeputies.totalCount).toBe(46);
    expect(town.townshipDeputies.totalCount).toBe(51);
  });

  it('marks generated detail SYNTHETIC and keeps synthetic quarters adding up to the reported year', async () => {
    const YEAR_ONLY = [
      'QUNLI meetings_held',
      'QUNLI congress_attendance_rate',
      'ZHENJIANG registered_voters',
      'ZHENJIANG voters_voted',
      'ZHENJIANG election_turnout',
      'ZHENJIANG county_deputies_elected',
      'ZHENJIANG township_deputies_elected',
    ];
    const deputies = await t.graphql<{ deputies: { nodes: { provenance: string }[] } }>(
      '{ deputies(first: 200) { nodes { provenance } } }',
    );
    expect(deputies.data!.deputies.nodes.every((d) => d.provenance === 'SYNTHETIC')).toBe(true);
    for (const [code, town] of towns) {
      const reports = town.quarterlyReports.filter((r) => r.year === 2021);
      if (code === 'UNNAMED') {
        expect(reports).toHaveLength(0);
        continue;
      }
      expect(reports.map((r) => r.quarter).sort()).toEqual([1, 2, 3, 4]);
      for (const f of town.figures.filter((fig) => fig.periodKind === 'YEAR' && fig.year === 2021)) {
        const quarterly = reports.map((r) => r.values.find((v) => v.metricKey === f.metricKey));
        for (const v of quarterly) if (v) expect(v.provenance).toBe('SYNTHETIC');
        // A figure fed by a record dated to the year only (群利镇's session, 镇江镇's election) is in
        // no quarter: which one held it is not known.
        const yearOnly = YEAR_ONLY.includes(`${code} ${f.metricKey}`);
        if (f.value === null || yearOnly) {
          expect(quarterly.every((v) => v === undefined || v.reportedValue === null)).toBe(true);
        } else if (!/_rate$|turnout/.test(f.metricKey)) {
          const sum = quarterly.reduce((acc, v) => acc + (v?.reportedValue ?? 0), 0);
          expect([code, f.metricKey, sum]).toEqual([code, f.metricKey, f.value]);
        }
      }
    }
  });
});
