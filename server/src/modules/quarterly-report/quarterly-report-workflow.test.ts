import pg from 'pg';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';

interface DraftValue {
  metricKey: string;
  recordedValue: number | null;
  numerator: number | null;
  denominator: number | null;
  derivationZh: string;
  reportedValue: number | null;
}
interface Report {
  id: string;
  state: string;
  version: number;
  revision: number;
  late: boolean;
  returnReason: string | null;
}
interface SubmitPayload {
  submitQuarterlyReport: {
    replayed: boolean;
    report: Report;
    revision: { id: string; revision: number; late: boolean };
  };
}

const REPORT = 'id state version revision late returnReason';
const SUBMIT = `mutation ($input: SubmitQuarterlyReportInput!) {
  submitQuarterlyReport(input: $input) { replayed report { ${REPORT} } revision { id revision late } }
}`;
const codeOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['code'];
/** A change to the figures: resolutions_made is never counted from records, so it needs no override reason. */
const resolutions = (n: number) => [{ metricKey: 'resolutions_made', reportedValue: n }];

describe('quarterly report workflow', () => {
  let t: TestServer;
  let qunliId: string;
  let keyCounter = 0;
  const key = () => `test-key-${Date.now()}-${(keyCounter += 1)}`;

  const draft = (year: number, quarter: number, as = 'qunli.clerk') =>
    t.graphql<{
      quarterlyReportDraft: {
        version: number;
        periodStart: string;
        periodEnd: string;
        report: Report | null;
        values: DraftValue[];
      };
    }>(
      `query ($y: Int!, $q: Int!) { quarterlyReportDraft(year: $y, quarter: $q) {
         version periodStart periodEnd report { ${REPORT} }
         values { metricKey recordedValue numerator denominator derivationZh reportedValue } } }`,
      { y: year, q: quarter },
      { as },
    );
  const submit = (input: Record<string, unknown>, as = 'qunli.clerk') =>
    t.graphql<SubmitPayload>(SUBMIT, { input }, { as });
  const review = (mutation: 'accept' | 'return', id: string, expectedVersion: number, reason?: string) =>
    t.graphql<Record<string, Report>>(
      mutation === 'accept'
        ? `mutation ($id: ID!, $v: Int!) { acceptQuarterlyReport(id: $id, expectedVersion: $v) { ${REPORT} } }`
        : `mutation ($id: ID!, $v: Int!, $r: String!) { returnQuarterlyReport(id: $id, expectedVersion: $v, reason: $r) { ${REPORT} } }`,
      { id, v: expectedVersion, r: reason },
      { as: 'demo.staff' },
    );
  const setDeadline = (year: number, quarter: number, dueAt: string) =>
    t.graphql(
      'mutation ($i: SetReportingDeadlineInput!) { setReportingDeadline(input: $i) { dueAt } }',
      { i: { year, quarter, dueAt } },
      { as: 'demo.staff' },
    );
  const count = async (sql: string, params: unknown[]) =>
    Number((await withDatabaseClient(t.database.url, (su) => su.query<{ n: string }>(sql, params))).rows[0]!.n);

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
    const me = await t.graphql<{ me: { townshipId: string } }>('{ me { townshipId } }');
    qunliId = me.data!.me.townshipId;
  });
  afterAll(() => t.stop());

  it('prefills a draft that equals counts taken straight from the records, and says how each was counted', async () => {
    const res = await draft(2021, 4);
    expect(res.errors).toBeUndefined();
    const d = res.data!.quarterlyReportDraft;
    expect([d.periodStart, d.periodEnd]).toEqual(['2021-10-01', '2021-12-31']);
    const byKey = new Map(d.values.map((v) => [v.metricKey, v]));
    const inQ4 = (type: string) =>
      count(
        `select count(*) as n from activity where township_id = $1 and type = $2 and occurred_on between '2021-10-01' and '2021-12-31'`,
        [qunliId, type],
      );
    expect(byKey.get('study_sessions')!.recordedValue).toBe(await inQ4('STUDY'));
    expect(byKey.get('supervisions')!.recordedValue).toBe(await inQ4('SUPERVISION'));
    expect(byKey.get('research_visits')!.recordedValue).toBe(await inQ4('RESEARCH_VISIT'));
    expect(byKey.get('research_visits')!.recordedValue).toBeGreaterThanOrEqual(1); // 11/8 白芷 research visit
    expect(byKey.get('government_reports_heard')!.recordedValue).toBe(await inQ4('GOVERNMENT_REPORT_HEARING'));
    const visits = await count(
      `select count(*) as n from voter_contact where township_id = $1 and kind = 'VISIT' and received_on between '2021-10-01' and '2021-12-31'`,
      [qunliId],
    );
    expect(byKey.get('visitors_received')!.recordedValue).toBe(visits);
    expect(byKey.get('study_sessions')!.derivationZh).toMatch(/学习培训/);
    expect(byKey.get('resolutions_made')!.recordedValue).toBeNull();
    // 群利镇's congress session (60 of 61 present): a date known only to its year belongs to no quarter, so
    // only a quarter its date places it in counts it (issue #12: dates keep their precision).
    const inQuarter = await count(
      `select count(*) as n from activity where township_id = $1 and type = 'CONGRESS_SESSION'
          and date_precision <> 'YEAR' and occurred_on between '2021-01-01' and '2021-03-31'`,
      [qunliId],
    );
    const q1 = new Map((await draft(2021, 1)).data!.quarterlyReportDraft.values.map((v) => [v.metricKey, v]));
    expect(q1.get('congress_attendance_rate')).toMatchObject(
      inQuarter > 0
        ? { numerator: 60, denominator: 61, recordedValue: 98.36 }
        : { numerator: 0, denominator: 0, recordedValue: null },
    );
  });

  it('submits, replays the same idempotency key without a second submission, and refuses a stale version', async () => {
    const first = await draft(2022, 1);
    expect(first.data!.quarterlyReportDraft.version).toBe(0);
    const k = key();
    const sent = await submit({ year: 2022, quarter: 1, idempotencyKey: k, expectedVersion: 0, values: [] });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.submitQuarterlyReport).toMatchObject({
      replayed: false,
      report: { state: 'SUBMITTED', version: 1, revision: 1 },
    });
    const again = await submit({ year: 2022, quarter: 1, idempotencyKey: k, expectedVersion: 0, values: [] });
    expect(again.data!.submitQuarterlyReport).toMatchObject({
      replayed: true,
      revision: { id: sent.data!.submitQuarterlyReport.revision.id },
    });
    const reportId = sent.data!.submitQuarterlyReport.report.id;
    expect(await count('select count(*) as n from quarterly_report_revision where report_id = $1', [reportId])).toBe(1);
    const stale = await submit({
      year: 2022,
      quarter: 1,
      idempotencyKey: key(),
      expectedVersion: 0,
      values: resolutions(1),
    });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions).toMatchObject({
      reason: 'REPORT_VERSION_STALE',
      field: ['input', 'expectedVersion'],
      details: { currentVersion: 1 },
    });
    expect(stale.errors![0]!.extensions!['messageZh']).toMatch(/第 1 版/);
    const otherQuarter = await submit({ year: 2022, quarter: 2, idempotencyKey: k, expectedVersion: 0, values: [] });
    expect(codeOf(otherQuarter)).toBe('CONFLICT');
    expect(otherQuarter.errors![0]!.extensions!['reason']).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('overrides a recorded value only with a reason, and shows both figures to the county', async () => {
    const values = new Map((await draft(2022, 2)).data!.quarterlyReportDraft.values.map((v) => [v.metricKey, v]));
    const recorded = values.get('inspections')!.recordedValue!;
    const noReason = await submit({
      year: 2022,
      quarter: 2,
      idempotencyKey: key(),
      expectedVersion: 0,
      values: [{ metricKey: 'inspections', reportedValue: recorded + 2 }],
    });
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors![0]!.extensions!['field']).toEqual(['input', 'values', 0, 'overrideReason']);
    expect(
      await count('select count(*) as n from quarterly_report where township_id = $1 and year = 2022 and quarter = 2', [
        qunliId,
      ]),
    ).toBe(0);
    const withReason = await submit({
      year: 2022,
      quarter: 2,
      idempotencyKey: key(),
      expectedVersion: 0,
      values: [
        { metricKey: 'inspections', reportedValue: recorded + 2, overrideReason: '两次视察由县人大组织，未在本镇登记' },
      ],
    });
    expect(withReason.errors).toBeUndefined();
    const seen = await t.graphql<{
      quarterlyReport: {
        values: { metricKey: string; recordedValue: number; reportedValue: number; overrideReason: string | null }[];
      };
    }>(
      'query ($id: ID!) { quarterlyReport(id: $id) { values { metricKey recordedValue reportedValue overrideReason } } }',
      { id: withReason.data!.submitQuarterlyReport.report.id },
      { as: 'demo.staff' },
    );
    expect(seen.data!.quarterlyReport.values.find((v) => v.metricKey === 'inspections')).toEqual({
      metricKey: 'inspections',
      recordedValue: recorded,
      reportedValue: recorded + 2,
      overrideReason: '两次视察由县人大组织，未在本镇登记',
    });
    for (const [value, why] of [
      [-1, 'negative'],
      [1.5, 'fraction'],
      [101, 'rate over 100'],
    ] as const) {
      const metricKey = why === 'rate over 100' ? 'letter_reply_rate' : 'inspections';
      const bad = await submit({
        year: 2022,
        quarter: 3,
        idempotencyKey: key(),
        expectedVersion: 0,
        values: [{ metricKey, reportedValue: value, overrideReason: 'x' }],
      });
      expect([why, codeOf(bad), bad.errors?.[0]?.extensions?.['field']]).toEqual([
        why,
        'BAD_USER_INPUT',
        ['input', 'values', 0, 'reportedValue'],
      ]);
    }
    const unknown = await submit({
      year: 2022,
      quarter: 3,
      idempotencyKey: key(),
      expectedVersion: 0,
      values: [{ metricKey: 'no_such_metric', reportedValue: 1 }],
    });
    expect(unknown.errors?.[0]?.extensions?.['field']).toEqual(['input', 'values', 0, 'metricKey']);
  });

  it('marks a submission after the county’s deadline late, and one before it on time', async () => {
    expect((await setDeadline(2022, 3, '2022-10-15T09:00:00Z')).errors).toBeUndefined();
    expect((await setDeadline(2023, 1, '2099-01-01T00:00:00Z')).errors).toBeUndefined();
    const late = await submit({ year: 2022, quarter: 3, idempotencyKey: key(), expectedVersion: 0, values: [] });
    const onTime = await submit({ year: 2023, quarter: 1, idempotencyKey: key(), expectedVersion: 0, values: [] });
    expect(late.data!.submitQuarterlyReport.report.late).toBe(true);
    expect(onTime.data!.submitQuarterlyReport.report.late).toBe(false);
    const byClerk = await t.graphql(
      'mutation { setReportingDeadline(input: { year: 2023, quarter: 2, dueAt: "2023-07-10T00:00:00Z" }) { dueAt } }',
    );
    expect(codeOf(byClerk)).toBe('FORBIDDEN');
    const effective = await t.graphql<{ reportingDeadline: { isDefault: boolean; dueAt: string } }>(
      '{ reportingDeadline(year: 2023, quarter: 2) { isDefault dueAt } }',
    );
    expect(effective.data!.reportingDeadline).toEqual({ isDefault: true, dueAt: '2023-07-10T15:59:59.000Z' });
  });

  it('is returned with a reason, corrected and resubmitted, accepted, then corrected as a new revision; every revision stays readable', async () => {
    const first = await submit({ year: 2023, quarter: 2, idempotencyKey: key(), expectedVersion: 0, values: [] });
    const id = first.data!.submitQuarterlyReport.report.id;
    expect(codeOf(await review('return', id, 1, ' '))).toBe('BAD_USER_INPUT');
    const returned = await review('return', id, 1, '接待人次与登记簿不符，请核实');
    expect(returned.data!.returnQuarterlyReport).toMatchObject({
      state: 'RETURNED',
      version: 2,
      returnReason: '接待人次与登记簿不符，请核实',
    });
    const d = await draft(2023, 2);
    expect(d.data!.quarterlyReportDraft).toMatchObject({
      version: 2,
      report: { state: 'RETURNED', returnReason: '接待人次与登记簿不符，请核实' },
    });
    const resubmitted = await submit({ year: 2023, quarter: 2, idempotencyKey: key(), expectedVersion: 2, values: [] });
    expect(resubmitted.data!.submitQuarterlyReport.report).toMatchObject({
      state: 'SUBMITTED',
      version: 3,
      revision: 2,
      returnReason: null,
    });
    expect((await review('accept', id, 2)).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REPORT_REVIEW_VERSION_STALE',
    });
    expect((await review('accept', id, 3)).data!.acceptQuarterlyReport).toMatchObject({
      state: 'ACCEPTED',
      version: 4,
    });
    expect((await review('accept', id, 4)).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REPORT_ALREADY_ACCEPTED',
    });
    const noReason = await submit({
      year: 2023,
      quarter: 2,
      idempotencyKey: key(),
      expectedVersion: 4,
      values: resolutions(2),
    });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REPORT_CORRECTION_NEEDS_REASON',
      field: ['input', 'correctionReason'],
    });
    const corrected = await submit({
      year: 2023,
      quarter: 2,
      idempotencyKey: key(),
      expectedVersion: 4,
      values: resolutions(2),
      correctionReason: '补录一次代表小组活动',
    });
    expect(corrected.data!.submitQuarterlyReport.report).toMatchObject({ state: 'SUBMITTED', version: 5, revision: 3 });
    const history = await t.graphql<{
      quarterlyReport: {
        revisions: { revision: number; correctionReason: string | null; values: { metricKey: string }[] }[];
      };
    }>(
      'query ($id: ID!) { quarterlyReport(id: $id) { revisions { revision correctionReason values { metricKey } } } }',
      { id },
      { as: 'demo.staff' },
    );
    expect(history.data!.quarterlyReport.revisions.map((r) => [r.revision, r.correctionReason])).toEqual([
      [3, '补录一次代表小组活动'],
      [2, null],
      [1, null],
    ]);
    expect(history.data!.quarterlyReport.revisions.every((r) => r.values.length > 0)).toBe(true);
  });

  it('lets two clerks submit at once: one wins, the other gets CONFLICT naming the newer version', async () => {
    const admin = await t.graphql<{ me: { id: string } }>('{ me { id } }', {}, { as: 'demo.admin' });
    expect(admin.errors).toBeUndefined();
    const created = await t.graphql(
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          login: 'qunli.clerk2',
          displayName: '群利镇第二文书',
          password: 'a-long-password',
          role: 'TOWNSHIP_CLERK',
          townshipId: qunliId,
        },
      },
      { as: 'demo.admin' },
    );
    expect(created.errors).toBeUndefined();
    const login = await t.graphql<{ login: { token: string } }>(
      'mutation { login(input: { login: "qunli.clerk2", password: "a-long-password" }) { token } }',
      {},
      { as: null },
    );
    const second = login.data!.login.token;
    const both = await Promise.all([
      submit({ year: 2023, quarter: 3, idempotencyKey: key(), expectedVersion: 0, values: resolutions(1) }),
      t.post(
        {
          query: SUBMIT,
          variables: {
            input: { year: 2023, quarter: 3, idempotencyKey: key(), expectedVersion: 0, values: resolutions(2) },
          },
        },
        { authorization: `Bearer ${second}` },
      ),
    ]);
    const codes = [codeOf(both[0]), codeOf(both[1].json ?? {})];
    expect(codes.filter((c) => c === undefined)).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(1);
    const loser = both[0].errors ? both[0].errors : both[1].json!.errors!;
    expect(loser[0]!.extensions!['details']).toMatchObject({ currentVersion: 1 });
    expect(
      await count(
        `select count(*) as n from quarterly_report_revision r join quarterly_report q on q.county_id = r.county_id and q.id = r.report_id where q.township_id = $1 and q.year = 2023 and q.quarter = 3`,
        [qunliId],
      ),
    ).toBe(1);
    // The loser wrote nothing: the stored figure is the winner's (1 from the first clerk, 2 from the second).
    const winner = both[0].errors ? 2 : 1;
    const stored = (reported: number) =>
      count(
        `select count(*) as n from quarterly_report_value v join quarterly_report q on q.county_id = v.county_id and q.id = v.report_id
          where q.township_id = $1 and q.year = 2023 and q.quarter = 3 and v.metric_key = 'resolutions_made' and v.reported_value = $2`,
        [qunliId, reported],
      );
    expect([await stored(winner), await stored(3 - winner)]).toEqual([1, 0]);
  });

  it('submits in three data statements (the replay check with the catalog, counts and report; the upsert; the revision and values), whatever the catalog', async () => {
    const { statements, response } = await t.countStatements(SUBMIT, {
      input: { year: 2024, quarter: 1, idempotencyKey: key(), expectedVersion: 0, values: [] },
    });
    expect(response.errors).toBeUndefined();
    expect(statements).toBe(3);
    const resubmitted = await t.countStatements(SUBMIT, {
      input: { year: 2024, quarter: 1, idempotencyKey: key(), expectedVersion: 1, values: resolutions(1) },
    });
    expect(resubmitted.response.errors).toBeUndefined();
    expect(resubmitted.statements).toBe(3);
    // Exactly the values of the latest revision: the first statement alone decides, no write is tried.
    const unchanged = await t.countStatements(SUBMIT, {
      input: { year: 2024, quarter: 1, idempotencyKey: key(), expectedVersion: 1, values: resolutions(1) },
    });
    const revisionOf = (r: typeof unchanged) =>
      (r.response.data as unknown as SubmitPayload).submitQuarterlyReport.revision.id;
    expect(unchanged.response.errors).toBeUndefined();
    expect(revisionOf(unchanged)).toBe(revisionOf(resubmitted));
    expect(unchanged.statements).toBe(3);
  });

  it('writes one audit row per changed row: the report, each value and the revision; a resubmission changes only what changed', async () => {
    const audit = (reportId: string) =>
      withDatabaseClient(t.database.url, async (su) =>
        (
          await su.query<{ table_name: string; action: string; n: string }>(
            `select a.table_name, a.action, count(*) as n from audit_log a
              where a.row_id = $1 or coalesce(a.after, a.before)->>'report_id' = $1::text
              group by 1, 2 order by 1, 2`,
            [reportId],
          )
        ).rows.map((r) => `${r.table_name} ${r.action} ${r.n}`),
      );
    const valueRows = (reportId: string) =>
      withDatabaseClient(t.database.url, async (su) =>
        Object.fromEntries(
          (
            await su.query<{ metric_key: string; id: string; reported_value: number | null }>(
              'select metric_key, id, reported_value from quarterly_report_value where report_id = $1',
              [reportId],
            )
          ).rows.map((r) => [r.metric_key, { id: r.id, reported: r.reported_value }]),
        ),
      );
    const first = await submit({ year: 2024, quarter: 4, idempotencyKey: key(), expectedVersion: 0, values: [] });
    expect(first.errors).toBeUndefined();
    const id = first.data!.submitQuarterlyReport.report.id;
    const before = await valueRows(id);
    const values = Object.keys(before).length;
    expect(values).toBeGreaterThan(0);
    expect(before['resolutions_made']).toBeUndefined();
    expect(await audit(id)).toEqual([
      'quarterly_report INSERT 1',
      `quarterly_report_revision INSERT 1`,
      `quarterly_report_value INSERT ${values}`,
    ]);
    const resubmit = async (version: number, n: number | null) => {
      const r = await submit({
        year: 2024,
        quarter: 4,
        idempotencyKey: key(),
        expectedVersion: version,
        values: [{ metricKey: 'resolutions_made', reportedValue: n }],
      });
      expect(r.errors).toBeUndefined();
      return r.data!.submitQuarterlyReport.report;
    };
    // The same figures, and resolutions_made (unknown, so not stored before) now given: one row added.
    expect(await resubmit(1, 1)).toMatchObject({ version: 2, revision: 2 });
    const added = await valueRows(id);
    expect(Object.keys(added)).toHaveLength(values + 1);
    expect(added['resolutions_made']!.reported).toBe(1);
    // The rows of unchanged figures are left as they were.
    for (const [metric, row] of Object.entries(before)) expect(added[metric]).toEqual(row);
    expect(await audit(id)).toEqual([
      'quarterly_report INSERT 1',
      'quarterly_report UPDATE 1',
      'quarterly_report_revision INSERT 2',
      `quarterly_report_value INSERT ${values + 1}`,
    ]);
    // A changed figure updates its row; a figure no longer given (unknown again) deletes it.
    await resubmit(2, 3);
    expect((await valueRows(id))['resolutions_made']).toEqual({ id: added['resolutions_made']!.id, reported: 3 });
    expect(await resubmit(3, null)).toMatchObject({ version: 4, revision: 4 });
    expect(await valueRows(id)).toEqual(before);
    expect(await audit(id)).toEqual([
      'quarterly_report INSERT 1',
      'quarterly_report UPDATE 3',
      'quarterly_report_revision INSERT 4',
      `quarterly_report_value DELETE 1`,
      `quarterly_report_value INSERT ${values + 1}`,
      `quarterly_report_value UPDATE 1`,
    ]);
  });

  it('answers a key sent twice at once with one submission and one replay, even while the second waits for the lock', async () => {
    const k = key();
    const input = { year: 2024, quarter: 2, idempotencyKey: k, expectedVersion: 0, values: [] };
    const both = await Promise.all([submit(input), submit(input)]);
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(both.map((r) => r.data!.submitQuarterlyReport.replayed).sort()).toEqual([false, true]);
    expect(new Set(both.map((r) => r.data!.submitQuarterlyReport.revision.id)).size).toBe(1);
    expect(
      await count(
        `select count(*) as n from quarterly_report_revision r join quarterly_report q on q.county_id = r.county_id and q.id = r.report_id where q.township_id = $1 and q.year = 2024 and q.quarter = 2`,
        [qunliId],
      ),
    ).toBe(1);
  });

  it('takes a metric the county admin has just defined in the very next submission (the catalog is never stale)', async () => {
    const defined = await t.graphql(
      'mutation ($i: DefineMetricInput!) { defineMetric(input: $i) { key } }',
      {
        i: {
          key: 'petitions_forwarded',
          nameZh: '转交信访件数',
          nameEn: 'Petitions forwarded',
          unit: '件',
          kind: 'COUNT',
          higherIsBetter: true,
          computation: 'entered by the township',
        },
      },
      { as: 'demo.admin' },
    );
    expect(defined.errors).toBeUndefined();
    const sent = await submit({
      year: 2024,
      quarter: 3,
      idempotencyKey: key(),
      expectedVersion: 0,
      values: [{ metricKey: 'petitions_forwarded', reportedValue: 4 }],
    });
    expect(sent.errors).toBeUndefined();
    expect(
      await count(
        `select count(*) as n from quarterly_report_value where report_id = $1 and metric_key = 'petitions_forwarded' and reported_value = 4 and recorded_value is null`,
        [sent.data!.submitQuarterlyReport.report.id],
      ),
    ).toBe(1);
  });

  it('keeps roles to their part: viewers read drafts only, staff review only and cannot touch the figures', async () => {
    expect((await draft(2021, 4, 'qunli.viewer')).errors).toBeUndefined();
    expect(
      codeOf(
        await submit({ year: 2023, quarter: 4, idempotencyKey: key(), expectedVersion: 0, values: [] }, 'qunli.viewer'),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await submit({ year: 2023, quarter: 4, idempotencyKey: key(), expectedVersion: 0, values: [] }, 'demo.staff'),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(await draft(2021, 4, 'demo.staff'))).toBe('FORBIDDEN');
    const own = await t.graphql<{ quarterlyReports: { nodes: { id: string; version: number }[] } }>(
      'query ($t: ID!) { quarterlyReports(first: 1, filter: { townshipId: $t, year: 2021 }) { nodes { id version } } }',
      { t: qunliId },
    );
    const report = own.data!.quarterlyReports.nodes[0]!;
    const byClerk = await t.graphql(
      'mutation ($id: ID!, $v: Int!) { acceptQuarterlyReport(id: $id, expectedVersion: $v) { id } }',
      { id: report.id, v: report.version },
    );
    expect(codeOf(byClerk)).toBe('FORBIDDEN');
    // Even through raw SQL as the application role, county staff can change only the review fields.
    const staff = (
      await withDatabaseClient(t.database.url, (su) =>
        su.query(`select id, county_id from app_user where login = 'demo.staff'`),
      )
    ).rows[0] as { id: string; county_id: string };
    const app = new pg.Client({ connectionString: t.database.appUrl });
    await app.connect();
    try {
      await app.query('begin');
      await app.query(
        // renda_share_settings(): the identity on a Citus cluster's workers too (a no-op on one server).
        `select set_config('renda.user_id', $1, true), set_config('renda.role', 'COUNTY_STAFF', true), set_config('renda.county_id', $2, true), set_config('renda.township_id', '', true), renda_share_settings()`,
        [staff.id, staff.county_id],
      );
      await expect(
        app.query('update quarterly_report set late = true where county_id = $2 and id = $1', [
          report.id,
          staff.county_id,
        ]),
      ).rejects.toMatchObject({ code: '42501' });
      await app.query('rollback');
    } finally {
      await app.end();
    }
  });
});
