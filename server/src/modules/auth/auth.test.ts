import { loadAppConfig } from '../../config/app-config.js';
import { createLogger } from '../../common/logging/logger.js';
import { startServer } from '../../server/start-server.js';
import { createTestDatabase } from '../../test-support/test-database.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { TEST_JWT_SECRET, startTestServer, type TestServer } from '../../test-support/test-server.js';
import { DEMO_PASSWORD } from '../../seed/seed-demo-users.js';
import { TokenService } from './token-service.js';
import { MAX_FAILURES_PER_LOGIN } from './login-rate-limiter.js';
import { UserRole } from '../../tenancy/user-role.enum.js';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token expiresAt user { login role townshipId countyId } } }`;

describe('accounts and login', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ defaultUser: null });
  });
  afterAll(() => t.stop());

  const login = (loginName: string, password: string) =>
    t.graphql<{
      login: { token: string; expiresAt: string; user: { login: string; role: string; townshipId: string | null } };
    }>(LOGIN, { input: { login: loginName, password } });

  it('signs in with the demo password and returns an expiring token and the user', async () => {
    const res = await login('qunli.clerk', DEMO_PASSWORD);
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.user).toMatchObject({ login: 'qunli.clerk', role: 'TOWNSHIP_CLERK' });
    expect(res.data!.login.user.townshipId).not.toBeNull();
    const hours = (Date.parse(res.data!.login.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    const me = await t.post({ query: '{ me { login role } }' }, { authorization: `Bearer ${res.data!.login.token}` });
    expect(me.json?.data).toEqual({ me: { login: 'qunli.clerk', role: 'TOWNSHIP_CLERK' } });
  });

  it('answers every field of the signed-in user, its county and township included, as `me` does', async () => {
    const USER_FIELDS = `id login displayName role active demoCredentials createdAt updatedAt countyId townshipId deputyId
      county { id code name } township { id code name }`;
    for (const name of ['demo.admin', 'demo.staff', 'demo.analyst', 'qunli.clerk', 'simeng.viewer']) {
      const signedIn = await t.graphql<{ login: { token: string; user: Record<string, unknown> } }>(
        `mutation ($input: LoginInput!) { login(input: $input) { token user { ${USER_FIELDS} } } }`,
        { input: { login: name, password: DEMO_PASSWORD } },
      );
      expect(signedIn.errors).toBeUndefined();
      const user = signedIn.data!.login.user;
      expect(user['county']).toMatchObject({ name: expect.any(String) });
      expect(user['township'] === null).toBe(name.startsWith('demo.'));
      const me = await t.post(
        { query: `{ me { ${USER_FIELDS} } }` },
        { authorization: `Bearer ${signedIn.data!.login.token}` },
      );
      expect(me.json?.data).toEqual({ me: user });
    }
  });

  it('answers a wrong password and an unknown login with the same error', async () => {
    const wrong = await login('simeng.viewer', 'not-the-password');
    const unknown = await login('nobody.at.all', 'not-the-password');
    for (const res of [wrong, unknown]) {
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        messageZh: '用户名或密码错误',
        messageEn: 'Wrong login or password',
      });
    }
  });

  it('rate limits one account after repeated failures, even with the right password, and not others', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_LOGIN; i += 1) await login('hemao.viewer', `wrong-${i}`);
    const blocked = await login('hemao.viewer', DEMO_PASSWORD);
    expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'LOGIN_RATE_LIMITED' });
    expect(blocked.errors?.[0]?.extensions?.['messageZh']).toMatch(/过于频繁/);
    const other = await login('hemao.clerk', DEMO_PASSWORD);
    expect(other.errors).toBeUndefined();
  });

  it('refuses anonymous callers, malformed and expired tokens with UNAUTHENTICATED', async () => {
    const anonymous = await t.post({ query: '{ deputies(first: 1) { totalCount } }' });
    expect(anonymous.json?.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageZh: '请先登录' });
    const forged = await t.post({ query: '{ me { login } }' }, { authorization: 'Bearer not.a.token' });
    expect(forged.status).toBe(401);
    expect(forged.json?.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const expired = await new TokenService(TEST_JWT_SECRET, -60).issue({
      userId: '00000000-0000-7000-8000-000000000000',
      role: UserRole.COUNTY_STAFF,
      countyId: '00000000-0000-7000-8000-000000000000',
      townshipId: null,
    });
    const late = await t.post({ query: '{ me { login } }' }, { authorization: `Bearer ${expired.token}` });
    expect(late.status).toBe(401);
    expect(late.json?.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      messageEn: 'Session expired; sign in again',
    });
  });

  it('refuses a token signed with another secret', async () => {
    const other = await new TokenService('another-secret-another-secret-another-secret', 3600).issue({
      userId: '00000000-0000-7000-8000-000000000000',
      role: UserRole.COUNTY_ADMIN,
      countyId: '00000000-0000-7000-8000-000000000000',
      townshipId: null,
    });
    const res = await t.post({ query: '{ me { login } }' }, { authorization: `Bearer ${other.token}` });
    expect(res.status).toBe(401);
  });

  it('requires login to be sent alone, so failed attempts are always recorded', async () => {
    const token = await t.token('demo.admin');
    const res = await t.post(
      {
        query: `mutation ($input: LoginInput!, $id: ID!) {
          login(input: $input) { token }
          updateUser(id: $id, input: { displayName: "x" }) { id }
        }`,
        variables: { input: { login: 'simeng.clerk', password: 'wrong' }, id: '00000000-0000-7000-8000-000000000000' },
      },
      { authorization: `Bearer ${token}` },
    );
    expect(res.json?.errors?.map((e) => e.extensions?.['code'])).toContain('BAD_USER_INPUT');
  });
});

describe('production start-up refusals', () => {
  it('refuses to start with active demo accounts, or without a signing secret', async () => {
    const database = await createTestDatabase();
    try {
      const base = {
        ...loadAppConfig({}),
        port: 0,
        databaseUrl: database.appUrl,
        migrationDatabaseUrl: database.ownerUrl,
        seedWhenEmpty: false,
        production: true,
      };
      await expect(startServer({ ...base, jwtSecret: TEST_JWT_SECRET }, createLogger(true))).rejects.toThrow(
        /demo accounts/,
      );
      await withDatabaseClient(database.url, (client) => client.query('update app_user set demo_credentials = false'));
      await expect(startServer({ ...base, jwtSecret: null }, createLogger(true))).rejects.toThrow(
        /RENDA_JWT_SECRET is required/,
      );
    } finally {
      await database.drop();
    }
  });

  it('refuses to serve as the owner role', async () => {
    const database = await createTestDatabase();
    try {
      const config = {
        ...loadAppConfig({}),
        port: 0,
        databaseUrl: database.ownerUrl,
        migrationDatabaseUrl: database.ownerUrl,
        seedWhenEmpty: false,
        jwtSecret: TEST_JWT_SECRET,
      };
      await expect(startServer(config, createLogger(true))).rejects.toThrow(
        /refusing to serve as database role "renda_owner"/,
      );
    } finally {
      await database.drop();
    }
  });
});
