import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { encodeCursor } from '../common/pagination/cursor-codec.js';
import { mapDatabaseError } from '../common/errors/map-database-error.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import { townshipRows, type TownshipRows } from '../test-support/township-rows.js';
import { expectRefusal } from '../test-support/expect-refusal.js';

const RECORD_ACTIVITY = `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id title outcome } }`;
const CREATE_GROUP = `mutation ($input: CreateDeputyGroupInput!) { createDeputyGroup(input: $input) { id name } }`;
const SUBMIT = `mutation ($input: SubmitQuarterlyReportInput!) { submitQuarterlyReport(input: $input) { replayed } }`;
const RETURN_REPORT = `mutation ($id: ID!, $v: Int!, $reason: String!) {
  returnQuarterlyReport(id: $id, expectedVersion: $v, reason: $reason) { id state } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;
const DEPUTIES = `query ($filter: DeputyFilter, $after: String) {
  deputies(first: 2, after: $after, filter: $filter) { totalCount pageInfo { endCursor } nodes { id } } }`;

/** NUL, other controls, bidi overrides and isolates, zero-width characters, blanks. */
const HOSTILE_TITLES = [
  'a\u0000b',
  'a\u0007b',
  'a\u001bb',
  'a\u007fb',
  'a\u0085b',
  'a\tb',
  'a\nb',
  '\u202Egnp.exe',
  'a\u2066b\u2069',
  'a\u200Bb',
  'a\u200Db',
  'a\u2060b',
  '\uFEFFa',
  '',
  '   ',
  '\u3000',
];

describe('input hygiene (finding 5)', () => {
  let t: TestServer;
  let own: TownshipRows;
  let submittedReport: { id: string; version: number };
  const activity = (overrides: Record<string, unknown>) => ({
    type: 'INSPECTION',
    occurredOn: '2025-05-01',
    title: '调研',
    ...overrides,
  });
  const tableCounts = () =>
    withDatabaseClient(
      t.database.url,
      async (su) =>
        (
          await su.query<{ activities: string; groups: string; revisions: string }>(
            `select (select count(*) from activity) as activities, (select count(*) from deputy_group) as groups,
             (select count(*) from quarterly_report_revision) as revisions`,
          )
        ).rows[0],
    );

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
    own = await townshipRows(t.database.url, 'QUNLI');
    // a report submitted by the clerk, for county staff to accept or return
    const submitted = await t.graphql<{ submitQuarterlyReport: { report: { id: string; version: number } } }>(
      `mutation ($input: SubmitQuarterlyReportInput!) { submitQuarterlyReport(input: $input) { report { id version } } }`,
      { input: { year: 2025, quarter: 2, expectedVersion: 0, values: [], idempotencyKey: 'hygiene-setup-0001' } },
    );
    expect(submitted.errors).toBeUndefined();
    submittedReport = submitted.data!.submitQuarterlyReport.report;
  });
  afterAll(() => t.stop());

  const codePoints = (text: string) =>
    [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ') || 'empty';

  it.each(HOSTILE_TITLES.map((title) => [codePoints(title), title]))(
    'refuses the title %s with BAD_USER_INPUT on input.title, writing nothing',
    async (_label, title) => {
      const before = await tableCounts();
      const res = await t.graphql(RECORD_ACTIVITY, { input: activity({ title }) });
      expectRefusal(res, 'BAD_USER_INPUT', ['input', 'title']);
      expect(await tableCounts()).toEqual(before);
    },
  );

  it('refuses bidi and zero-width characters and blanks in names, NUL in the outcome', async () => {
    for (const name of ['\u202Eevil', 'a\u200Cb', ' \t']) {
      expectRefusal(await t.graphql(CREATE_GROUP, { input: { name } }), 'BAD_USER_INPUT', ['input', 'name']);
    }
    expectRefusal(await t.graphql(RECORD_ACTIVITY, { input: activity({ outcome: 'ok\u0000' }) }), 'BAD_USER_INPUT', [
      'input',
      'outcome',
    ]);
  });

  it('keeps tabs and line breaks in multi-line text, and Chinese and emoji everywhere', async () => {
    const res = await t.graphql<{ recordActivity: { title: string; outcome: string } }>(RECORD_ACTIVITY, {
      input: activity({ title: '走访 🏘️ 群众', outcome: '第一，\t修路；\r\n第二，👨‍👩‍👧 家庭' }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordActivity).toMatchObject({
      title: '走访 🏘️ 群众',
      outcome: '第一，\t修路；\r\n第二，👨‍👩‍👧 家庭',
    });
  });

  it('refuses NUL in an idempotency key, a reason, a report value and a login, never INTERNAL', async () => {
    const submit = (input: Record<string, unknown>) =>
      t.graphql(SUBMIT, {
        input: { year: 2025, quarter: 1, expectedVersion: 0, values: [], idempotencyKey: 'key-0001-ok', ...input },
      });
    expectRefusal(await submit({ idempotencyKey: 'key\u0000-0001' }), 'BAD_USER_INPUT', ['input', 'idempotencyKey']);
    expectRefusal(await submit({ values: [{ metricKey: 'x\u0000', reportedValue: 1 }] }), 'BAD_USER_INPUT', [
      'input',
      'values',
      0,
      'metricKey',
    ]);
    expectRefusal(
      await t.graphql(
        RETURN_REPORT,
        { id: submittedReport.id, v: submittedReport.version, reason: 'no\u0000' },
        { as: 'demo.staff' },
      ),
      'BAD_USER_INPUT',
      ['reason'],
    );
    // a reason may span lines, but not be blank
    expectRefusal(
      await t.graphql(
        RETURN_REPORT,
        { id: submittedReport.id, v: submittedReport.version, reason: ' \n ' },
        { as: 'demo.staff' },
      ),
      'BAD_USER_INPUT',
      ['reason'],
    );
    expectRefusal(
      await t.graphql(LOGIN, { input: { login: 'demo.staff\u0000', password: 'whatever-123' } }, { as: null }),
      'BAD_USER_INPUT',
      ['input', 'login'],
    );
  });

  it('refuses hostile text in filters, at the top level and in nested lists', async () => {
    expectRefusal(await t.graphql(DEPUTIES, { filter: { nameContains: 'a\u0000' } }), 'BAD_USER_INPUT', [
      'filter',
      'nameContains',
    ]);
    const nested = await t.graphql(
      `query ($q: String) { townships(first: 1) { nodes { deputies(first: 1, filter: { nameContains: $q }) { totalCount } } } }`,
      { q: '\u202E' },
    );
    expectRefusal(nested, 'BAD_USER_INPUT', ['filter', 'nameContains']);
    const inFragment = await t.graphql(
      `query { townships(first: 1) { nodes { ...D } } } fragment D on Township { deputies(first: 1, filter: { nameContains: "\\u0000" }) { totalCount } }`,
    );
    expectRefusal(inFragment, 'BAD_USER_INPUT', ['filter', 'nameContains']);
  });

  it('treats "" and any other non-UUID as a malformed id everywhere', async () => {
    expectRefusal(await t.graphql(RECORD_ACTIVITY, { input: activity({ sessionId: '' }) }), 'BAD_USER_INPUT', [
      'input',
      'sessionId',
    ]);
    expectRefusal(
      await t.graphql(RECORD_ACTIVITY, { input: activity({ participants: [{ deputyId: 'x' }] }) }),
      'BAD_USER_INPUT',
      ['input', 'participants', 0, 'deputyId'],
    );
    expectRefusal(
      await t.graphql(`query ($c: ID) { metricDefinitions(countyId: $c) { key } }`, { c: 'not-a-uuid' }),
      'BAD_USER_INPUT',
      ['countyId'],
    );
    expectRefusal(await t.graphql(DEPUTIES, { filter: { townshipIds: [own.townshipId, ''] } }), 'BAD_USER_INPUT', [
      'filter',
      'townshipIds',
      1,
    ]);
  });

  it('checks every variables again: a document that passed with clean variables is refused with hostile ones', async () => {
    // passes are remembered per operation and variables (input-hygiene-plugin.ts): never across variables
    const clean = { filter: { nameContains: '张' } };
    const hostile = { filter: { nameContains: 'a\u0000' } };
    for (let round = 0; round < 2; round += 1) {
      const answers = await Promise.all([
        t.graphql(DEPUTIES, clean),
        t.graphql(DEPUTIES, hostile),
        t.graphql(DEPUTIES, clean),
        t.graphql(DEPUTIES, { filter: { nameContains: '\u202E' } }),
      ]);
      expect(answers[0]!.errors).toBeUndefined();
      expect(answers[2]!.errors).toBeUndefined();
      expectRefusal(answers[1]!, 'BAD_USER_INPUT', ['filter', 'nameContains']);
      expectRefusal(answers[3]!, 'BAD_USER_INPUT', ['filter', 'nameContains']);
    }
  });

  it('verifies cursors against the list key types', async () => {
    const first = await t.graphql<{ deputies: { pageInfo: { endCursor: string } } }>(DEPUTIES, {});
    const cursor = first.data!.deputies.pageInfo.endCursor;
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    // the genuine cursor pages on
    expect((await t.graphql(DEPUTIES, { after: cursor })).errors).toBeUndefined();
    const forged = [
      decoded.map(() => 'x'),
      decoded.map(() => 12),
      decoded.map(() => ({ a: 1 })),
      decoded.map(() => 'a\u0000'),
      [...decoded.slice(0, -1), 'not-a-uuid'],
      decoded.map((v) => (typeof v === 'string' ? `${v}\u0000` : 2 ** 40)),
    ];
    for (const values of forged) {
      expectRefusal(await t.graphql(DEPUTIES, { after: encodeCursor(values) }), 'BAD_USER_INPUT', ['after']);
    }
    expectRefusal(await t.graphql(DEPUTIES, { after: 'not base64 json' }), 'BAD_USER_INPUT', ['after']);
  });

  it('range-checks integers and instants', async () => {
    const submit = (expectedVersion: unknown) =>
      t.graphql(SUBMIT, {
        input: { year: 2025, quarter: 1, expectedVersion, values: [], idempotencyKey: 'key-range-1' },
      });
    // beyond 32 bits GraphQL refuses at coercion; at the edge the version check answers
    expectRefusal(await submit(2 ** 31), 'BAD_USER_INPUT');
    expectRefusal(await submit(2 ** 53), 'BAD_USER_INPUT');
    expect((await submit(2 ** 31 - 1)).errors?.[0]?.extensions?.['code']).toMatch(/^(CONFLICT|BAD_USER_INPUT)$/);
    const accept = await t.graphql(
      `mutation ($id: ID!, $v: Int!) { acceptQuarterlyReport(id: $id, expectedVersion: $v) { id } }`,
      { id: submittedReport.id, v: 2 ** 31 - 1 },
      { as: 'demo.staff' },
    );
    expect(accept.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    for (const updatedSince of ['0000-01-01T00:00:00Z', '-001000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z']) {
      const res = await t.graphql(DEPUTIES, { filter: { updatedSince } });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    }
    const deadline = await t.graphql(
      `mutation ($input: SetReportingDeadlineInput!) { setReportingDeadline(input: $input) { dueAt } }`,
      { input: { year: 2025, quarter: 1, dueAt: '0000-06-01T00:00:00Z' } },
      { as: 'demo.admin' },
    );
    expect(deadline.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('answers 400 for a refused operation, with nothing executed', async () => {
    const raw = await t.post(
      { query: CREATE_GROUP, variables: { input: { name: 'x\u0000' } } },
      { authorization: `Bearer ${await t.token('qunli.clerk')}` },
    );
    expect(raw.status).toBe(400);
    expect(raw.json?.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('maps any PostgreSQL data exception (class 22) that still arrives to BAD_USER_INPUT', async () => {
    for (const sql of [`select 'x'::int`, `select 2147483647::int + 1`, `select '0000-01-01'::date`, `select 1 / 0`]) {
      const error = await withDatabaseClient(t.database.url, (su) =>
        su.query(sql).then(
          () => null,
          (e: Error) => e,
        ),
      );
      expect(error).not.toBeNull();
      // wrapped as MikroORM wraps a driver error
      const mapped = mapDatabaseError(new DriverException(error!));
      expect(mapped).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_VALUE',
        details: { sqlState: expect.stringMatching(/^22/) },
      });
    }
  });

  it('maps a unique violation that still arrives to CONFLICT with its reason and the constraint, never SQL', async () => {
    const error = await withDatabaseClient(t.database.url, (su) =>
      su
        .query(
          `create temp table once_only (k int constraint once_only_k_key unique); insert into once_only values (1), (1)`,
        )
        .then(
          () => null,
          (e: Error) => e,
        ),
    );
    expect(error).not.toBeNull();
    const mapped = mapDatabaseError(new UniqueConstraintViolationException(error!));
    expect(mapped).toMatchObject({
      code: 'CONFLICT',
      reason: 'UNIQUE_VIOLATION',
      details: { constraint: 'once_only_k_key' },
    });
    expect(JSON.stringify(mapped?.details)).not.toMatch(/insert|once_only \(/);
  });
});
