import { SignJWT } from 'jose';
import { TEST_JWT_SECRET, startTestServer, type RawResponse, type TestServer } from '../test-support/test-server.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import { DEMO_PASSWORD } from '../seed/seed-demo-users.js';

/**
 * Finding 3 of issue #13: a session ends when what it stood on ends. Deactivation, a password reset, a
 * role change and signing out refuse tokens issued before, at once; a validly signed token without
 * `exp` (or `iat`, or with a lifetime past the cap) is refused.
 */

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
const codeOf = (res: RawResponse) => res.json?.errors?.[0]?.extensions?.['code'];

describe('sessions that end (issue #13, finding 3)', () => {
  let t: TestServer;

  const signIn = async (login: string, password = DEMO_PASSWORD): Promise<string> => {
    const res = await t.post({ query: LOGIN, variables: { input: { login, password } } });
    const token = (res.json?.data as { login?: { token: string } } | undefined)?.login?.token;
    if (!token) throw new Error(`login as ${login} failed: ${res.text}`);
    return token;
  };
  const as = (token: string, query: string, variables?: Record<string, unknown>) =>
    t.post({ query, variables }, { authorization: `Bearer ${token}` });
  const userId = (login: string) =>
    withDatabaseClient(t.database.url, async (su) => {
      return (await su.query<{ id: string }>('select id from app_user where login = $1', [login])).rows[0]!.id;
    });
  const updateUser = (input: Record<string, unknown>, id: string) =>
    t.graphql<{ updateUser: { active: boolean } }>(
      'mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { active } }',
      { id, input },
      { as: 'demo.admin' },
    );
  const signed = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' });
  const key = new TextEncoder().encode(TEST_JWT_SECRET);

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: null });
  });
  afterAll(() => t.stop());

  it('answers an ended session’s read with the refusal alone, whatever the read ran before the check came back', async () => {
    // A read's identity statement travels with its first statement, so the query runs before the server
    // knows the session ended: every field it asked for, nested lists and names read through security
    // definer functions included, must be absent from the answer.
    const token = await signIn('simeng.viewer');
    const query = `{ me { login } townships(first: 3) { totalCount nodes { name deputies(first: 2) { nodes { name } } } }
      activities(first: 3) { nodes { title participants { attendance deputy { name } } } } }`;
    const before = await as(token, query);
    expect(before.json?.errors).toBeUndefined();
    expect(JSON.stringify(before.json?.data)).toContain('simeng.viewer');
    const id = await userId('simeng.viewer');
    expect((await updateUser({ active: false }, id)).errors).toBeUndefined();
    const after = await as(token, query);
    expect(after.status).toBe(200);
    expect(after.json?.data ?? null).toBeNull();
    expect(after.json?.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['reason']])).toEqual([
      ['UNAUTHENTICATED', 'SESSION_REVOKED'],
    ]);
  });

  it('refuses a token at once after the county admin resets the password, and again after deactivating', async () => {
    const token = await signIn('qunli.viewer');
    expect((await as(token, '{ me { login } }')).json?.data).toEqual({ me: { login: 'qunli.viewer' } });
    const id = await userId('qunli.viewer');
    expect((await updateUser({ password: 'a-brand-new-password' }, id)).errors).toBeUndefined();
    const afterReset = await as(token, '{ deputies(first: 1) { totalCount } }');
    expect(codeOf(afterReset)).toBe('UNAUTHENTICATED');
    expect(afterReset.json?.data ?? null).toBeNull();
    // The new password gives a working session, which deactivation ends in turn.
    const fresh = await signIn('qunli.viewer', 'a-brand-new-password');
    expect(codeOf(await as(fresh, '{ me { login } }'))).toBeUndefined();
    expect((await updateUser({ active: false }, id)).data?.updateUser.active).toBe(false);
    expect(codeOf(await as(fresh, '{ me { login } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(fresh, '{ townships(first: 1) { totalCount } }'))).toBe('UNAUTHENTICATED');
  });

  it('refuses a deactivated clerk’s token for writes too, and writes nothing', async () => {
    const token = await signIn('simeng.clerk');
    const id = await userId('simeng.clerk');
    expect((await updateUser({ active: false }, id)).errors).toBeUndefined();
    const before = await withDatabaseClient(t.database.url, (su) => su.query('select count(*) as n from deputy_group'));
    const res = await as(token, 'mutation { createDeputyGroup(input: { name: "离职后小组" }) { id } }');
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    const after = await withDatabaseClient(t.database.url, (su) => su.query('select count(*) as n from deputy_group'));
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('refuses a token after the user’s role or township changes, whoever changes the row', async () => {
    const token = await signIn('hemao.clerk');
    expect(codeOf(await as(token, '{ me { login } }'))).toBeUndefined();
    await withDatabaseClient(t.database.url, (su) =>
      su.query(`update app_user set role = 'TOWNSHIP_VIEWER' where login = 'hemao.clerk'`),
    );
    expect(codeOf(await as(token, '{ me { login } }'))).toBe('UNAUTHENTICATED');
    const viewerToken = await signIn('hemao.clerk');
    expect((await as(viewerToken, '{ me { role } }')).json?.data).toEqual({ me: { role: 'TOWNSHIP_VIEWER' } });
    // A change that does not touch the session (the display name) keeps it.
    await updateUser({ displayName: '和茂文书（改名）' }, await userId('hemao.clerk'));
    expect(codeOf(await as(viewerToken, '{ me { role } }'))).toBeUndefined();
  });

  it('signOut ends every session of the user, and nobody else’s', async () => {
    const first = await signIn('zhenjiang.clerk');
    const second = await signIn('zhenjiang.clerk');
    const other = await signIn('zhenjiang.viewer');
    const out = await as(first, 'mutation { signOut }');
    expect(out.json?.data).toEqual({ signOut: true });
    expect(codeOf(await as(first, '{ me { login } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(second, '{ me { login } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(first, 'mutation { signOut }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(other, '{ me { login } }'))).toBeUndefined();
    // Signing in again works, and the sign-out is in the audit log.
    expect(codeOf(await as(await signIn('zhenjiang.clerk'), '{ me { login } }'))).toBeUndefined();
    const audit = await withDatabaseClient(t.database.url, (su) =>
      su.query<{ n: string }>(
        `select count(*) as n from audit_log where table_name = 'app_user' and action = 'UPDATE'
            and row_id = (select id from app_user where login = 'zhenjiang.clerk')
            and (after->>'token_version')::int = (before->>'token_version')::int + 1`,
      ),
    );
    expect(Number(audit.rows[0]!.n)).toBe(1);
  });

  it('refuses validly signed tokens without exp, without iat, or living past the cap', async () => {
    const user = await withDatabaseClient(t.database.url, async (su) => {
      return (
        await su.query<{ id: string; county_id: string }>(
          `select id, county_id from app_user where login = 'demo.staff'`,
        )
      ).rows[0]!;
    });
    const claims = { role: 'COUNTY_STAFF', cty: user.county_id, twp: null, ver: 0 };
    const now = Math.floor(Date.now() / 1000);
    const forever = await signed(claims).setSubject(user.id).setIssuer('renda').setIssuedAt(now).sign(key);
    const noIat = await signed(claims)
      .setSubject(user.id)
      .setIssuer('renda')
      .setExpirationTime(now + 600)
      .sign(key);
    const month = await signed(claims)
      .setSubject(user.id)
      .setIssuer('renda')
      .setIssuedAt(now)
      .setExpirationTime(now + 30 * 24 * 3600)
      .sign(key);
    const noIssuer = await signed(claims)
      .setSubject(user.id)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(key);
    const noVersion = await signed({ role: 'COUNTY_STAFF', cty: user.county_id })
      .setSubject(user.id)
      .setIssuer('renda')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(key);
    const good = await signed(claims)
      .setSubject(user.id)
      .setIssuer('renda')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(key);
    for (const [name, token] of Object.entries({ forever, noIat, month, noIssuer, noVersion })) {
      const res = await as(token, '{ me { login } }');
      expect([name, res.status, codeOf(res)]).toEqual([name, 401, 'UNAUTHENTICATED']);
    }
    // The same claims with exp, iat and iss are accepted: the refusals above are about what was missing.
    expect((await as(good, '{ me { login } }')).json?.data).toEqual({ me: { login: 'demo.staff' } });
  });

  it('checks the session in the statement that applies the identity: no extra round trip', async () => {
    await t.token('demo.staff');
    const counter = t.server.statements;
    const before = { total: counter.total, setup: counter.sessionSetup };
    const res = await t.graphql('{ me { login } }', {}, { as: 'demo.staff' });
    expect(res.errors).toBeUndefined();
    // One identity statement (with the session check in it) and the one read of the user.
    expect({ total: counter.total - before.total, setup: counter.sessionSetup - before.setup }).toEqual({
      total: 1,
      setup: 1,
    });
  });
});
