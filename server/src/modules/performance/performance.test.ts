import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { seededCounty } from '../../test-support/figure-test-queries.js';

const codeOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['code'];
const fieldOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['field'];

const SAVE = `mutation ($i: SavePerformanceSchemeInput!) { savePerformanceScheme(input: $i) { version year yearCap } }`;
const PERFORMANCE = `query ($id: ID!, $v: Int) { deputy(id: $id) { performance(year: 2025, schemeVersion: $v) {
  total complete unknownKinds unknownReason schemeVersion includesSynthetic
  items { rule points rulePoints record { type id date synthetic } } } } }`;
const ARCHIVE = `query ($id: ID!) { deputy(id: $id) { archive(year: 2025) {
  unknownReason includesSynthetic coverage { recordKind complete }
  counts { duty count qualifier unknownReason syntheticCount }
  items { duty jointly outcomeClass satisfied record { type id synthetic } } } } }`;
const RECORD_REPORT = `mutation ($i: RecordDeputyReportInput!) { recordDeputyReport(input: $i) { id townshipId } }`;

interface Item {
  rule: string;
  points: number;
  rulePoints: number;
  record: { type: string; id: string; date: string; synthetic: boolean };
}
interface Performance {
  total: number | null;
  complete: boolean;
  unknownKinds: string[];
  unknownReason: string | null;
  schemeVersion: number | null;
  includesSynthetic: boolean;
  items: Item[];
}

/** The 2025 scheme of the tests, with the answers worked out by hand below. */
const RULES = [
  { duty: 'ACTIVITY_INSPECTION', points: 2, cap: 5 },
  { duty: 'SESSION_PRESENT', points: 5 },
  { duty: 'SESSION_ABSENT', points: -3 },
  { duty: 'ACTIVITY_ABSENT', points: -1, cap: 1 },
  { duty: 'RECEPTION', points: 1 },
  { duty: 'SUGGESTION_PROPOSED', points: 2 },
  { duty: 'SUGGESTION_ADOPTED', points: 3 },
  { duty: 'SUGGESTION_RESOLVED', points: 5 },
  { duty: 'REPORT_TO_VOTERS', points: 4 },
  { duty: 'REPORT_GRADE_EXCELLENT', points: 3 },
];

describe('deputies’ archive and points', () => {
  let t: TestServer;
  let su: pg.Client;
  let idOf: Map<string, string>;
  let countyId: string;
  let deputy: string;
  let unknownDeputy: string;
  const records = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.staff' });
    ({ countyId, idOf } = await seededCounty(t));
    su = new pg.Client({ connectionString: t.database.url });
    await su.connect();
    const qunli = idOf.get('QUNLI')!;
    const owner = [qunli, countyId];
    const term = randomUUID();
    await su.query(
      `insert into term (id, township_id, county_id, name, started_on) values ($1, $2, $3, '档案测试届', '2021-01-01')`,
      [term, ...owner],
    );
    deputy = randomUUID();
    const other = randomUUID();
    for (const [id, name] of [
      [deputy, '档案甲'],
      [other, '档案乙'],
    ]) {
      await su.query(
        `insert into deputy (id, township_id, county_id, term_id, name, gender, level) values ($1, $2, $3, $4, $5, 'FEMALE', 'TOWNSHIP')`,
        [id, ...owner, term, name],
      );
    }
    const activity = async (key: string, type: string, on: string, attendance: string, synthetic = false) => {
      const id = randomUUID();
      records.set(key, id);
      await su.query(
        `insert into activity (id, township_id, county_id, type, occurred_on, title, provenance) values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, ...owner, type, on, key, synthetic ? 'SYNTHETIC' : 'RECORDED'],
      );
      await su.query(
        `insert into activity_participant (id, township_id, county_id, activity_id, deputy_id, attendance) values (gen_random_uuid(), $1, $2, $3, $4, $5)`,
        [...owner, id, deputy, attendance],
      );
    };
    await activity('视察一', 'INSPECTION', '2025-02-01', 'PRESENT', true);
    await activity('视察二', 'INSPECTION', '2025-03-01', 'PRESENT');
    await activity('视察三', 'INSPECTION', '2025-04-01', 'PRESENT');
    await activity('人代会', 'CONGRESS_SESSION', '2025-01-10', 'PRESENT');
    await activity('人代会二', 'CONGRESS_SESSION', '2025-11-10', 'ABSENT');
    await activity('培训一', 'STUDY', '2025-05-01', 'ABSENT');
    await activity('培训二', 'STUDY', '2025-06-01', 'ABSENT');
    await activity('上一年视察', 'INSPECTION', '2024-12-31', 'PRESENT');
    for (const [key, on] of [
      ['来访一', '2025-03-05'],
      ['来访二', '2025-08-05'],
    ]) {
      const id = randomUUID();
      records.set(key, id);
      await su.query(
        `insert into voter_contact (id, township_id, county_id, kind, received_on, deputy_id, subject) values ($1, $2, $3, 'VISIT', $4, $5, $6)`,
        [id, ...owner, on, deputy, key],
      );
    }
    const suggestion = async (key: string, outcome: string, proposers: string[]) => {
      const id = randomUUID();
      records.set(key, id);
      await su.query(
        `insert into suggestion (id, township_id, county_id, title, submitted_on, state, completed_on, outcome_class)
         values ($1, $2, $3, $4, '2025-03-01', 'COMPLETED', '2025-09-01', $5)`,
        [id, ...owner, key, outcome],
      );
      for (const p of proposers) {
        await su.query(
          `insert into suggestion_proposer (id, township_id, county_id, suggestion_id, deputy_id) values (gen_random_uuid(), $1, $2, $3, $4)`,
          [...owner, id, p],
        );
      }
    };
    await suggestion('独立建议', 'A', [deputy]);
    await suggestion('联名建议', 'D', [deputy, other]);
    // Coverage: 群利镇's records of every kind are complete since 2021.
    for (const kind of ['ACTIVITY', 'CONGRESS_SESSION', 'SUGGESTION', 'VOTER_CONTACT']) {
      await su.query(`delete from record_coverage where township_id = $1 and record_kind = $2`, [qunli, kind]);
      await su.query(
        `insert into record_coverage (id, township_id, county_id, record_kind, recorded_since) values (gen_random_uuid(), $1, $2, $3, '2021-01-01')`,
        [...owner, kind],
      );
    }
    // 和茂镇 has no coverage: a deputy with nothing recorded there is unknown, not 0.
    const hemao = idOf.get('HEMAO')!;
    const hemaoTerm = await su.query<{ term_id: string }>(`select term_id from deputy where township_id = $1 limit 1`, [
      hemao,
    ]);
    unknownDeputy = randomUUID();
    await su.query(
      `insert into deputy (id, township_id, county_id, term_id, name, gender, level) values ($1, $2, $3, $4, '未录入代表', 'MALE', 'TOWNSHIP')`,
      [unknownDeputy, hemao, countyId, hemaoTerm.rows[0]!.term_id],
    );
  });
  afterAll(async () => {
    await su.end();
    await t.stop();
  });

  const performance = async (id: string, version: number | null = null, as = 'demo.staff') => {
    const res = await t.graphql<{ deputy: { performance: Performance } }>(PERFORMANCE, { id, v: version }, { as });
    expect(res.errors).toBeUndefined();
    return res.data!.deputy.performance;
  };

  it('records a report to voters and refuses bad counts and dates with coded errors, writing nothing', async () => {
    const base = {
      deputyId: deputy,
      reportedOn: '2025-06-20',
      votersPresent: 60,
      satisfied: 40,
      basicallySatisfied: 5,
      dissatisfied: 5,
    };
    const refusals: [Record<string, unknown>, string, unknown[]][] = [
      [{ votersPresent: -1 }, 'DEPUTY_REPORT_COUNT_NEGATIVE', ['input', 'votersPresent']],
      [{ dissatisfied: -2 }, 'DEPUTY_REPORT_COUNT_NEGATIVE', ['input', 'dissatisfied']],
      [{ votersPresent: 49 }, 'DEPUTY_REPORT_EVALUATION_EXCEEDS_VOTERS', ['input', 'satisfied']],
      [{ basicallySatisfied: null }, 'DEPUTY_REPORT_EVALUATION_PARTIAL', ['input', 'basicallySatisfied']],
      [{ reportedOn: '2020-12-31' }, 'DEPUTY_REPORT_OUTSIDE_TERM', ['input', 'reportedOn']],
      [{ reportedOn: '2099-01-01' }, 'RECORD_DATE_OUT_OF_RANGE', ['input', 'reportedOn']],
      [{ deputyId: unknownDeputy }, 'NOT_IN_TOWNSHIP', ['input', 'deputyId']],
    ];
    for (const [change, reason, field] of refusals) {
      const res = await t.graphql(RECORD_REPORT, { i: { ...base, ...change } }, { as: 'qunli.clerk' });
      expect([reason, codeOf(res), res.errors?.[0]?.extensions?.['reason'], fieldOf(res)]).toEqual([
        reason,
        'BAD_USER_INPUT',
        reason,
        field,
      ]);
      expect(res.errors![0]!.extensions!['messageZh']).toEqual(expect.any(String));
    }
    const none = await su.query(`select count(*)::int as n from deputy_report where deputy_id = $1`, [deputy]);
    expect(none.rows[0].n).toBe(0);
    const ok = await t.graphql<{ recordDeputyReport: { id: string; townshipId: string } }>(
      RECORD_REPORT,
      { i: base },
      { as: 'qunli.clerk' },
    );
    expect(ok.errors).toBeUndefined();
    records.set('述职', ok.data!.recordDeputyReport.id);
    const viewer = await t.graphql(RECORD_REPORT, { i: base }, { as: 'qunli.viewer' });
    expect(codeOf(viewer)).toBe('FORBIDDEN');
  });

  it('lists every duty with its record, provenance and exact counts where records are complete', async () => {
    const res = await t.graphql<{
      deputy: {
        archive: {
          unknownReason: string | null;
          includesSynthetic: boolean;
          counts: { duty: string; count: number | null; qualifier: string | null; syntheticCount: number }[];
          items: { duty: string; jointly: boolean | null; record: { type: string; id: string; synthetic: boolean } }[];
        };
      };
    }>(ARCHIVE, { id: deputy });
    expect(res.errors).toBeUndefined();
    const archive = res.data!.deputy.archive;
    const count = (duty: string) => archive.counts.find((c) => c.duty === duty)!;
    expect(count('ACTIVITY_INSPECTION')).toMatchObject({ count: 3, qualifier: 'EXACT', syntheticCount: 1 });
    expect(count('SESSION_PRESENT').count).toBe(1);
    expect(count('SESSION_ABSENT').count).toBe(1);
    expect(count('ACTIVITY_ABSENT').count).toBe(2);
    expect(count('RECEPTION').count).toBe(2);
    expect(count('SUGGESTION_PROPOSED').count).toBe(2);
    expect(count('SUGGESTION_RESOLVED').count).toBe(1);
    expect(count('REPORT_TO_VOTERS').count).toBe(1);
    expect(count('REPORT_GRADE_EXCELLENT').count).toBe(1);
    // Complete records with nothing of a kind: a real 0.
    expect(count('ACTIVITY_LEGAL_OUTREACH')).toMatchObject({ count: 0, qualifier: 'EXACT' });
    expect(archive.includesSynthetic).toBe(true);
    expect(archive.items.find((i) => i.record.id === records.get('视察一'))!.record.synthetic).toBe(true);
    expect(archive.items.find((i) => i.record.id === records.get('联名建议'))!.jointly).toBe(true);
    expect(archive.items.find((i) => i.record.id === records.get('独立建议'))!.jointly).toBe(false);
    expect(archive.items.some((i) => i.record.id === records.get('上一年视察'))).toBe(false);
  });

  it('scores by the scheme: caps per kind, deductions, and every point names its rule and record', async () => {
    const first = await t.graphql(SAVE, { i: { year: 2025, rules: RULES, expectedVersion: 0 } }, { as: 'demo.admin' });
    expect(first.errors).toBeUndefined();
    const result = await performance(deputy);
    // 视察 2+2+1 (cap 5), 人代会 +5, 缺席 -3, 培训缺席 -1 then 0 (cap 1), 来访 1+1, 建议 2+2,
    // 采纳 3 (the joint one is D: not adopted), 办成 5, 述职 4, 评议优秀 3 (40 of 50 votes 满意).
    expect(result).toMatchObject({ total: 27, complete: true, unknownKinds: [], schemeVersion: 1 });
    const pointsOf = (key: string) =>
      result.items.filter((i) => i.record.id === records.get(key)).map((i) => [i.rule, i.points, i.rulePoints]);
    expect(pointsOf('视察三')).toEqual([['ACTIVITY_INSPECTION', 1, 2]]);
    expect(pointsOf('培训一')).toEqual([['ACTIVITY_ABSENT', -1, -1]]);
    expect(pointsOf('培训二')).toEqual([['ACTIVITY_ABSENT', 0, -1]]);
    expect(pointsOf('人代会二')).toEqual([['SESSION_ABSENT', -3, -3]]);
    expect(pointsOf('独立建议').sort()).toEqual([
      ['SUGGESTION_ADOPTED', 3, 3],
      ['SUGGESTION_PROPOSED', 2, 2],
      ['SUGGESTION_RESOLVED', 5, 5],
    ]);
    expect(pointsOf('联名建议')).toEqual([['SUGGESTION_PROPOSED', 2, 2]]);
    expect(pointsOf('述职').sort()).toEqual([
      ['REPORT_GRADE_EXCELLENT', 3, 3],
      ['REPORT_TO_VOTERS', 4, 4],
    ]);
    const known = new Set(records.values());
    expect(result.items.every((i) => known.has(i.record.id))).toBe(true);
    expect(result.items.reduce((s, i) => s + i.points, 0)).toBe(27);
    expect(result.includesSynthetic).toBe(true);
  });

  it('keeps a closed year’s results reproducible: a new version needs a reason and the old one still answers', async () => {
    const noReason = await t.graphql(
      SAVE,
      { i: { year: 2025, rules: RULES, yearCap: 20, expectedVersion: 1 } },
      { as: 'demo.admin' },
    );
    expect([codeOf(noReason), fieldOf(noReason)]).toEqual(['BAD_USER_INPUT', ['input', 'revisionReason']]);
    const stale = await t.graphql(
      SAVE,
      { i: { year: 2025, rules: RULES, expectedVersion: 0, revisionReason: '修订' } },
      { as: 'demo.admin' },
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    const duplicate = await t.graphql(
      SAVE,
      { i: { year: 2025, rules: [RULES[0], RULES[0]], expectedVersion: 1, revisionReason: '修订' } },
      { as: 'demo.admin' },
    );
    expect([codeOf(duplicate), fieldOf(duplicate)]).toEqual(['BAD_USER_INPUT', ['input', 'rules', 1, 'duty']]);
    const staff = await t.graphql(SAVE, { i: { year: 2025, rules: RULES, expectedVersion: 1 } }, { as: 'demo.staff' });
    expect(codeOf(staff)).toBe('FORBIDDEN');
    const second = await t.graphql<{ savePerformanceScheme: { version: number } }>(
      SAVE,
      { i: { year: 2025, rules: RULES, yearCap: 20, expectedVersion: 1, revisionReason: '年度上限 20 分' } },
      { as: 'demo.admin' },
    );
    expect(second.data?.savePerformanceScheme.version).toBe(2);
    // Positive points stop at 20 (the deductions -3 and -1 still apply after the cap): 20 - 4 = 16.
    const now = await performance(deputy);
    expect([now.total, now.schemeVersion]).toEqual([16, 2]);
    expect(now.items.filter((i) => i.points > 0).reduce((s, i) => s + i.points, 0)).toBe(20);
    const before = await performance(deputy, 1);
    expect([before.total, before.schemeVersion]).toEqual([27, 1]);
    const missing = await t.graphql(PERFORMANCE, { id: deputy, v: 9 });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    // The database itself refuses to change a written version.
    const versions = await t.graphql<{ performanceSchemes: { version: number }[] }>(
      'query { performanceSchemes(year: 2025) { version } }',
    );
    expect(versions.data!.performanceSchemes.map((s) => s.version)).toEqual([2, 1]);
  });

  it('does not score an unknown period as 0', async () => {
    const result = await performance(unknownDeputy);
    expect(result).toMatchObject({ total: null, complete: false, unknownReason: 'NOT_RECORDED' });
    expect(result.unknownKinds.sort()).toEqual(['ACTIVITY', 'CONGRESS_SESSION', 'SUGGESTION', 'VOTER_CONTACT']);
    const res = await t.graphql<{
      deputy: { archive: { counts: { duty: string; count: number | null; unknownReason: string | null }[] } };
    }>(ARCHIVE, { id: unknownDeputy });
    const inspections = res.data!.deputy.archive.counts.find((c) => c.duty === 'ACTIVITY_INSPECTION')!;
    expect(inspections).toMatchObject({ count: null, unknownReason: 'NOT_RECORDED' });
    const ranking = await t.graphql<{
      township: { performanceRanking: { rows: { deputyId: string; total: number | null; rank: number | null }[] } };
    }>('query ($id: ID!) { township(id: $id) { performanceRanking(year: 2025) { rows { deputyId total rank } } } }', {
      id: idOf.get('HEMAO')!,
    });
    expect(ranking.errors).toBeUndefined();
    const row = ranking.data!.township.performanceRanking.rows.find((r) => r.deputyId === unknownDeputy)!;
    expect(row).toEqual({ deputyId: unknownDeputy, total: null, rank: null });
  });

  it('ranks within the township and the county, for county staff and the township’s own users only', async () => {
    const query =
      'query ($id: ID!) { township(id: $id) { performanceRanking(year: 2025) { rows { deputyId total rank } } } }';
    const own = await t.graphql<{
      township: { performanceRanking: { rows: { deputyId: string; rank: number | null }[] } };
    }>(query, { id: idOf.get('QUNLI')! }, { as: 'qunli.viewer' });
    expect(own.errors).toBeUndefined();
    const rows = own.data!.township.performanceRanking.rows;
    expect(rows[0]).toMatchObject({ deputyId: deputy, rank: 1 });
    const analyst = await t.graphql(query, { id: idOf.get('QUNLI')! }, { as: 'demo.analyst' });
    expect(codeOf(analyst)).toBe('FORBIDDEN');
    const analystPoints = await t.graphql(PERFORMANCE, { id: deputy, v: null }, { as: 'demo.analyst' });
    expect(codeOf(analystPoints)).toBe('FORBIDDEN');
    // Another township's viewer cannot reach the deputy at all (row-level security).
    const foreign = await t.graphql(PERFORMANCE, { id: deputy, v: null }, { as: 'simeng.viewer' });
    expect(JSON.stringify(foreign.data ?? {})).not.toContain('"total"');
    const county = await t.graphql<{ county: { performanceRanking: { rows: { townshipName: string }[] } } }>(
      'query ($id: ID!) { county(id: $id) { performanceRanking(year: 2025) { rows { townshipName total rank } } } }',
      { id: countyId },
    );
    expect(county.errors).toBeUndefined();
    expect(new Set(county.data!.county.performanceRanking.rows.map((r) => r.townshipName)).size).toBeGreaterThan(1);
  });

  it('answers with the same number of statements for 10 and for 500 deputies', async () => {
    const DEPUTIES = `query ($id: ID!, $n: Int!) { township(id: $id) { deputies(first: $n) { nodes { name
      performance(year: 2025) { total items { points record { id } } }
      archive(year: 2025) { counts { count } items { duty } } } }
      performanceRanking(year: 2025) { rows { total rank } } } }`;
    const RANKING = `query ($id: ID!) { county(id: $id) { performanceRanking(year: 2025) { rows { total rank } } } }`;
    const qunli = idOf.get('QUNLI')!;
    await su.query(
      `delete from deputy where township_id = $1 and id not in (select deputy_id from activity_participant)
      and id not in (select deputy_id from suggestion_proposer) and id not in (select deputy_id from deputy_report)
      and id not in (select deputy_id from voter_contact where deputy_id is not null)`,
      [qunli],
    );
    const few = await su.query<{ n: number }>(`select count(*)::int as n from deputy where township_id = $1`, [qunli]);
    const small = await t.countStatements(DEPUTIES, { id: qunli, n: 10 });
    const smallRanking = await t.countStatements(RANKING, { id: countyId });
    expect(small.response.errors).toBeUndefined();
    // Grow 群利镇 to 500 deputies, each with an inspection attended.
    await su.query(
      `with d as (insert into deputy (id, township_id, county_id, term_id, name, gender, level)
         select gen_random_uuid(), township_id, county_id, term_id, '扩充' || g, gender, level
         from deputy, generate_series(1, $2::int) g where id = $1 returning id, township_id, county_id),
       a as (insert into activity (id, township_id, county_id, type, occurred_on, title)
         select gen_random_uuid(), $3, county_id, 'INSPECTION', '2025-07-01', '扩充视察' from deputy where id = $1 returning id, county_id)
       insert into activity_participant (id, township_id, county_id, activity_id, deputy_id)
       select gen_random_uuid(), d.township_id, d.county_id, a.id, d.id from d cross join a`,
      [deputy, 500 - few.rows[0]!.n, qunli],
    );
    const large = await t.countStatements(DEPUTIES.replace('deputies(first: $n)', 'deputies(first: $n)'), {
      id: qunli,
      n: 200,
    });
    expect(large.response.errors).toBeUndefined();
    const township = (
      large.response.data as { township: { performanceRanking: { rows: unknown[] }; deputies: { nodes: unknown[] } } }
    ).township;
    expect(township.deputies.nodes).toHaveLength(200);
    expect(township.performanceRanking.rows.length).toBeGreaterThanOrEqual(500);
    expect(large.statements).toBe(small.statements);
    const largeRanking = await t.countStatements(RANKING, { id: countyId });
    expect(largeRanking.statements).toBe(smallRanking.statements);
  });
});
