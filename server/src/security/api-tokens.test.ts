import { createHash } from 'node:crypto';
import { startTestServer, type RawResponse, type TestServer } from '../test-support/test-server.js';
import { addSecondCounty } from '../test-support/add-second-county.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';

/**
 * API tokens (issue #13, "Sessions that end"): a township system submits quarterly figures by script
 * with a token scoped to one township and named operations, shown once, stored hashed, listed with last
 * use, revocable at once, audited. Every call here goes over HTTP exactly as a script would send it.
 */

const CREATE = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name operations townshipId expiresAt lastUsedAt revokedAt } }
}`;
const DRAFT = `query ($y: Int!, $q: Int!) { quarterlyReportDraft(year: $y, quarter: $q) { version values { metricKey } } }`;
const SUBMIT = `mutation ($input: SubmitQuarterlyReportInput!) {
  submitQuarterlyReport(input: $input) { replayed report { id state townshipId } revision { id } }
}`;

interface Created {
  createApiToken: {
    token: string;
    apiToken: { id: string; name: string; operations: string[]; townshipId: string; lastUsedAt: string | null };
  };
}

const codeOf = (res: { json?: RawResponse['json']; errors?: { extensions?: Record<string, unknown> }[] }) =>
  ('json' in res ? res.json?.errors : res.errors)?.[0]?.extensions?.['code'];

describe('API tokens for township systems', () => {
  let t: TestServer;
  let qunliId: string;

  const create = (input: Record<string, unknown>, as: string) => t.graphql<Created>(CREATE, { input }, { as });
  /** What a township system's script sends: its token, one operation, nothing else. */
  const script = (token: string, query: string, variables?: Record<string, unknown>) =>
    t.post({ query, variables }, { authorization: `Bearer ${token}` });
  const sql = <R extends object>(text: string, params: unknown[] = []) =>
    withDatabaseClient(t.database.url, async (su) => (await su.query<R>(text, params)).rows);

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: null });
    await addSecondCounty(t.database.ownerUrl);
    qunliId = (await sql<{ id: string }>(`select id from township where code = 'QUNLI'`))[0]!.id;
  });
  afterAll(() => t.stop());

  it('lets a script submit a quarterly report with a clerk’s token, and records who did', async () => {
    const made = await create(
      { name: '群利镇统计系统', operations: ['quarterlyReportDraft', 'submitQuarterlyReport'] },
      'qunli.clerk',
    );
    expect(made.errors).toBeUndefined();
    const { token, apiToken } = made.data!.createApiToken;
    expect(apiToken.townshipId).toBe(qunliId);
    expect(token).toMatch(/^renda_[\w-]{43}$/);

    const draft = await script(token, DRAFT, { y: 2023, q: 1 });
    expect(draft.json?.errors).toBeUndefined();
    const version = (draft.json!.data as { quarterlyReportDraft: { version: number } }).quarterlyReportDraft.version;
    const submitted = await script(token, SUBMIT, {
      input: { year: 2023, quarter: 1, idempotencyKey: 'script-2023-q1-a', expectedVersion: version, values: [] },
    });
    expect(submitted.json?.errors).toBeUndefined();
    const payload = (
      submitted.json!.data as { submitQuarterlyReport: { report: { id: string; state: string; townshipId: string } } }
    ).submitQuarterlyReport;
    expect(payload.report).toMatchObject({ state: 'SUBMITTED', townshipId: qunliId });

    // The revision and the audit log name the token (its id stands where a person's id would).
    const revision = await sql<{ submitted_by: string }>(
      'select submitted_by from quarterly_report_revision where report_id = $1',
      [payload.report.id],
    );
    expect(revision.map((r) => r.submitted_by)).toEqual([apiToken.id]);
    const audited = await sql<{ role: string; township_id: string }>(
      `select role, township_id from audit_log where table_name = 'quarterly_report' and row_id = $1 and user_id = $2`,
      [payload.report.id, apiToken.id],
    );
    expect(audited.length).toBeGreaterThan(0);
    expect(audited[0]).toEqual({ role: 'TOWNSHIP_CLERK', township_id: qunliId });

    // Listed with its last use; the secret itself is nowhere: only its SHA-256 is stored.
    const listed = await t.graphql<{ apiTokens: { id: string; lastUsedAt: string | null }[] }>(
      '{ apiTokens { id lastUsedAt } }',
      {},
      { as: 'qunli.clerk' },
    );
    expect(listed.data!.apiTokens.find((x) => x.id === apiToken.id)!.lastUsedAt).not.toBeNull();
    const stored = await sql<{ token_hash: string; row: string }>(
      'select token_hash, to_jsonb(api_token)::text as row from api_token where id = $1',
      [apiToken.id],
    );
    expect(stored[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(stored[0]!.row).not.toContain(token.slice('renda_'.length));
    const auditText = await sql<{ text: string }>(
      `select coalesce(string_agg(after::text, ''), '') as text from audit_log`,
    );
    expect(auditText[0]!.text).not.toContain(token.slice('renda_'.length));
  });

  it('refuses operations outside the token’s scope, and writes nothing', async () => {
    const made = await create({ name: '只读草稿', operations: ['quarterlyReportDraft'] }, 'qunli.clerk');
    const { token } = made.data!.createApiToken;
    expect(codeOf(await script(token, DRAFT, { y: 2023, q: 2 }))).toBeUndefined();
    const before = await sql<{ n: string }>('select count(*) as n from quarterly_report_revision');
    const submit = await script(token, SUBMIT, {
      input: { year: 2023, quarter: 2, idempotencyKey: 'script-out-of-scope', expectedVersion: 0, values: [] },
    });
    expect(codeOf(submit)).toBe('FORBIDDEN');
    expect(submit.json?.errors?.[0]?.extensions?.['details']).toEqual({ operation: 'submitQuarterlyReport' });
    for (const query of [
      '{ deputies(first: 1) { nodes { name contactPhone } } }',
      '{ me { login } }',
      '{ apiTokens { id } }',
      '{ auditLog(first: 1) { totalCount } }',
      'mutation { createDeputyGroup(input: { name: "令牌小组" }) { id } }',
      'mutation { createApiToken(input: { name: "再造令牌", operations: [submitQuarterlyReport] }) { token } }',
      'mutation { signOut }',
    ]) {
      const res = await script(token, query);
      expect([query, codeOf(res), res.json?.data ?? null]).toEqual([query, 'FORBIDDEN', null]);
    }
    expect(await sql<{ n: string }>('select count(*) as n from quarterly_report_revision')).toEqual(before);
    expect(await sql('select 1 from deputy_group where name = $1', ['令牌小组'])).toEqual([]);
  });

  it('keeps a token inside its operations’ answers: no way through a report to the township’s deputies', async () => {
    const made = await create({ name: '报表读取', operations: ['quarterlyReports', 'quarterlyReport'] }, 'qunli.clerk');
    const { token } = made.data!.createApiToken;
    const inside = await script(
      token,
      '{ quarterlyReports(first: 2) { totalCount pageInfo { hasNextPage } nodes { state revisions { revision values { metricKey } } values { metricKey } } } }',
    );
    expect(inside.json?.errors).toBeUndefined();
    for (const query of [
      '{ quarterlyReports(first: 1) { nodes { township { deputies(first: 5) { nodes { name contactPhone } } } } } }',
      '{ quarterlyReports(first: 1) { nodes { county { townships { name } } } } }',
      'query { quarterlyReports(first: 1) { nodes { ...R } } } fragment R on QuarterlyReport { township { name } }',
    ]) {
      const res = await script(token, query);
      expect([query, codeOf(res), res.json?.data ?? null]).toEqual([query, 'FORBIDDEN', null]);
    }
  });

  it('refuses a revoked token at once, and an unknown or malformed one', async () => {
    const made = await create({ name: '待撤销', operations: ['quarterlyReportDraft'] }, 'qunli.clerk');
    const { token, apiToken } = made.data!.createApiToken;
    expect(codeOf(await script(token, DRAFT, { y: 2023, q: 3 }))).toBeUndefined();
    const revoked = await t.graphql<{ revokeApiToken: { revokedAt: string | null } }>(
      'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { id: apiToken.id },
      { as: 'demo.admin' },
    );
    expect(revoked.data!.revokeApiToken.revokedAt).not.toBeNull();
    const after = await script(token, DRAFT, { y: 2023, q: 3 });
    expect([after.status, codeOf(after)]).toEqual([401, 'UNAUTHENTICATED']);
    const again = await t.graphql(
      'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
      { id: apiToken.id },
      {
        as: 'qunli.clerk',
      },
    );
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.['reason']).toBe('API_TOKEN_ALREADY_REVOKED');
    for (const bogus of [`renda_${'A'.repeat(43)}`, 'renda_', `${token}x`]) {
      const res = await script(bogus, DRAFT, { y: 2023, q: 3 });
      expect([bogus, res.status, codeOf(res)]).toEqual([bogus, 401, 'UNAUTHENTICATED']);
    }
    // Revocation and creation are in the audit log; the last-use stamps are not.
    const audit = await sql<{ action: string; revoked: boolean }>(
      `select action, (after->>'revoked_at') is not null as revoked from audit_log
        where table_name = 'api_token' and row_id = $1 order by id`,
      [apiToken.id],
    );
    expect(audit).toEqual([
      { action: 'INSERT', revoked: false },
      { action: 'UPDATE', revoked: true },
    ]);
  });

  it('refuses an expired token', async () => {
    const made = await create(
      { name: '将过期', operations: ['quarterlyReportDraft'], expiresInDays: 1 },
      'qunli.clerk',
    );
    const { token, apiToken } = made.data!.createApiToken;
    await sql(`update api_token set expires_at = now() - interval '1 second' where id = $1`, [apiToken.id]);
    expect(codeOf(await script(token, DRAFT, { y: 2023, q: 3 }))).toBe('UNAUTHENTICATED');
  });

  it('is created by the county admin for its county’s townships and by a clerk for its own only', async () => {
    const simeng = (await sql<{ id: string }>(`select id from township where code = 'SIMENG'`))[0]!.id;
    const foreign = (await sql<{ id: string }>(`select id from township where code = 'OTHERQUNLI'`))[0]!.id;
    const byAdmin = await create(
      { name: '四梦系统', operations: ['submitQuarterlyReport'], townshipId: simeng },
      'demo.admin',
    );
    expect(byAdmin.data!.createApiToken.apiToken.townshipId).toBe(simeng);
    expect(codeOf(await create({ name: 'x', operations: ['submitQuarterlyReport'] }, 'demo.admin'))).toBe(
      'BAD_USER_INPUT',
    );
    const intoForeign = await create(
      { name: 'x', operations: ['submitQuarterlyReport'], townshipId: foreign },
      'demo.admin',
    );
    expect(codeOf(intoForeign)).toBe('NOT_FOUND');
    const clerkForOther = await create(
      { name: 'x', operations: ['submitQuarterlyReport'], townshipId: simeng },
      'qunli.clerk',
    );
    expect(clerkForOther.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'townshipId'],
    });
    for (const bad of [
      { name: ' ', operations: ['submitQuarterlyReport'] },
      { name: 'x', operations: [] },
      { name: 'x', operations: ['submitQuarterlyReport', 'submitQuarterlyReport'] },
      { name: 'x', operations: ['submitQuarterlyReport'], expiresInDays: 400 },
    ]) {
      expect([bad, codeOf(await create(bad, 'qunli.clerk'))]).toEqual([bad, 'BAD_USER_INPUT']);
    }
    for (const login of ['qunli.viewer', 'demo.staff', 'demo.analyst']) {
      const res = await create({ name: 'x', operations: ['submitQuarterlyReport'] }, login);
      expect([login, codeOf(res)]).toEqual([login, 'FORBIDDEN']);
    }
    // The admin's token for SIMENG acts in SIMENG only: it cannot be pointed at QUNLI.
    const simengToken = byAdmin.data!.createApiToken.token;
    const sent = await script(simengToken, SUBMIT, {
      input: { year: 2023, quarter: 4, idempotencyKey: 'simeng-script-q4', expectedVersion: 0, values: [] },
    });
    expect(
      (sent.json!.data as { submitQuarterlyReport: { report: { townshipId: string } } }).submitQuarterlyReport.report
        .townshipId,
    ).toBe(simeng);
    const written = await sql<{ township_id: string }>(
      'select township_id from quarterly_report_revision where idempotency_key = $1',
      ['simeng-script-q4'],
    );
    expect(written).toEqual([{ township_id: simeng }]);
    const names = await sql<{ count: string }>(
      `select count(*) from quarterly_report_revision where idempotency_key = 'simeng-script-q4' and township_id = $1`,
      [qunliId],
    );
    expect(names[0]!.count).toBe('0');
  });

  it('shows each token only to its township’s clerk and its county’s admin', async () => {
    const lists = async (login: string) =>
      (await t.graphql<{ apiTokens: { townshipId: string }[] }>('{ apiTokens { townshipId } }', {}, { as: login })).data
        ?.apiTokens ?? null;
    const admin = await lists('demo.admin');
    expect(new Set(admin!.map((x) => x.townshipId)).size).toBeGreaterThan(1);
    expect((await lists('qunli.clerk'))!.every((x) => x.townshipId === qunliId)).toBe(true);
    expect(await lists('simeng.clerk')).toEqual([
      expect.objectContaining({ townshipId: expect.not.stringMatching(qunliId) }),
    ]);
    expect(await lists('otherqunli.clerk')).toEqual([]);
    // A sibling township's clerk cannot revoke QUNLI's tokens.
    const qunliToken = (
      await sql<{ id: string }>(`select id from api_token where township_id = $1 and revoked_at is null limit 1`, [
        qunliId,
      ])
    )[0]!.id;
    const res = await t.graphql(
      'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
      { id: qunliToken },
      {
        as: 'simeng.clerk',
      },
    );
    expect(codeOf(res)).toBe('NOT_FOUND');
  });
});
