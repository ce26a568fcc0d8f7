import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from '../../database/create-orm.js';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { InvitationService } from './invitation.service.js';
import { User } from './user.entity.js';
import { passwordHasher } from './password-hasher.js';

const ACTIVATE = `mutation ($input: ActivateAccountInput!) {
  activateAccount(input: $input) { token expiresAt user { login role county { name } township { name } } }
}`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;

type Activated = {
  activateAccount: {
    token: string;
    expiresAt: string;
    user: { login: string; role: string; county: { name: string }; township: { name: string } | null };
  };
};

describe('account invitations', () => {
  let t: TestServer;
  let owner: MikroORM;
  let su: pg.Client;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: null });
    owner = await createOrm({ clientUrl: t.database.ownerUrl, poolMax: 2 });
    su = new pg.Client({ connectionString: t.database.url });
    await su.connect();
  });
  afterAll(async () => {
    await su.end();
    await owner.close();
    await t.stop();
  });

  /** A new analyst of the demo county, made by its admin, and a link issued for it as the CLI does. */
  const invited = async (lifetimeHours?: number) => {
    serial += 1;
    const login = `invited.${serial}`;
    const made = await t.graphql<{ createUser: { id: string } }>(
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { login, displayName: '受邀用户', password: 'admin-chosen-secret', role: 'ANALYST' } },
      { as: 'demo.admin' },
    );
    expect(made.errors).toBeUndefined();
    const em = owner.em.fork();
    const user = await em.findOneOrFail(User, { id: made.data!.createUser.id });
    const issued = await new InvitationService(em).issue(user, lifetimeHours === undefined ? {} : { lifetimeHours });
    return { login, userId: user.id, ...issued };
  };

  const activate = (token: string, password: string) =>
    t.graphql<Activated>(ACTIVATE, { input: { token, password } }, { as: null });
  const reasonOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['reason'];
  const passwordHash = async (userId: string) =>
    (await su.query<{ password_hash: string }>('select password_hash from app_user where id = $1', [userId])).rows[0]!
      .password_hash;

  it('stores only the token’s hash, expiring in 72 hours by default', async () => {
    const { token, invitationId, expiresAt } = await invited();
    const row = (
      await su.query<{ token_hash: string; expires_at: Date }>(
        'select token_hash, expires_at from account_invitation where id = $1',
        [invitationId],
      )
    ).rows[0]!;
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(token);
    expect(row.expires_at.getTime()).toBe(expiresAt.getTime());
    const hours = (expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
  });

  it('sets the password and signs in; the link then works no more, and the password does', async () => {
    const { token, login } = await invited();
    const res = await activate(token, '新密码-strong-2026');
    expect(res.errors).toBeUndefined();
    // The county is read as the user just activated: row-level security shows it to no one else.
    expect(res.data!.activateAccount.user).toEqual({
      login,
      role: 'ANALYST',
      county: { name: expect.any(String) },
      township: null,
    });
    const me = await t.post(
      { query: '{ me { login } }' },
      { authorization: `Bearer ${res.data!.activateAccount.token}` },
    );
    expect(me.json?.data).toEqual({ me: { login } });
    const again = await activate(token, 'another-password-9');
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_USED' });
    const signIn = await t.graphql(LOGIN, { input: { login, password: '新密码-strong-2026' } }, { as: null });
    expect(signIn.errors).toBeUndefined();
    const old = await t.graphql(LOGIN, { input: { login, password: 'another-password-9' } }, { as: null });
    expect(old.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses weak passwords on input.password without spending the link', async () => {
    const { token, userId } = await invited();
    const before = await passwordHash(userId);
    for (const [password, reason] of [
      ['short-1', 'PASSWORD_TOO_SHORT'],
      ['x'.repeat(201), 'PASSWORD_TOO_SHORT'],
      ['13800138000', 'PASSWORD_TOO_WEAK'],
      ['abababababab', 'PASSWORD_TOO_WEAK'],
    ] as const) {
      const res = await activate(token, password);
      expect([password.slice(0, 12), res.errors?.[0]?.extensions]).toEqual([
        password.slice(0, 12),
        expect.objectContaining({ code: 'BAD_USER_INPUT', reason, field: ['input', 'password'] }),
      ]);
    }
    expect(await passwordHash(userId)).toBe(before);
    expect((await activate(token, 'finally-a-good-one')).errors).toBeUndefined();
  });

  it('refuses unknown, expired and superseded links, and deactivated accounts, changing nothing', async () => {
    const unknown = await activate('no-such-token-at-all', 'a-good-password-1');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'token'] });
    expect(reasonOf(unknown)).toBe('INVITATION_UNKNOWN');

    const expired = await invited(-1);
    const before = await passwordHash(expired.userId);
    const late = await activate(expired.token, 'a-good-password-1');
    expect(reasonOf(late)).toBe('INVITATION_EXPIRED');
    expect(late.errors?.[0]?.extensions?.['details']).toEqual({ expiredAt: expired.expiresAt.toISOString() });
    expect(await passwordHash(expired.userId)).toBe(before);

    const first = await invited();
    const em = owner.em.fork();
    const second = await new InvitationService(em).issue(await em.findOneOrFail(User, { id: first.userId }));
    expect(reasonOf(await activate(first.token, 'a-good-password-1'))).toBe('INVITATION_REVOKED');
    expect((await activate(second.token, 'a-good-password-1')).errors).toBeUndefined();

    const inactive = await invited();
    await su.query('update app_user set active = false where id = $1', [inactive.userId]);
    const refused = await activate(inactive.token, 'a-good-password-1');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INVITATION_ACCOUNT_INACTIVE' });
    const used = await su.query('select used_at from account_invitation where id = $1', [inactive.invitationId]);
    expect(used.rows[0].used_at).toBeNull();
  });

  it('lets exactly one of many concurrent activations of one link win, and keeps the winner’s password', async () => {
    const { token, login } = await invited();
    const passwords = Array.from({ length: 6 }, (_, i) => `concurrent-password-${i}`);
    const results = await Promise.all(passwords.map((password) => activate(token, password)));
    const winners = passwords.filter((_, i) => results[i]!.errors === undefined);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => reasonOf(r) === 'INVITATION_USED')).toHaveLength(passwords.length - 1);
    // Checked on the stored hash, not by signing in: five wrong passwords would trip the login throttle.
    const hash = (
      await su.query<{ password_hash: string }>('select password_hash from app_user where login = $1', [login])
    ).rows[0]!.password_hash;
    for (const password of passwords) {
      expect([password, await passwordHasher.verify(hash, password)]).toEqual([password, password === winners[0]]);
    }
  });

  it('hides invitations from callers without an identity and refuses their inserts (row-level security)', async () => {
    const { userId } = await invited();
    const countyId = (await su.query<{ county_id: string }>('select county_id from app_user where id = $1', [userId]))
      .rows[0]!.county_id;
    const rows = await su.query<{ n: string }>('select count(*) as n from account_invitation where user_id = $1', [
      userId,
    ]);
    expect(Number(rows.rows[0]!.n)).toBe(1);
    const app = new pg.Client({ connectionString: t.database.appUrl });
    await app.connect();
    try {
      // Without an identity the table looks empty and takes nothing.
      const seen = await app.query('select count(*)::int as n from account_invitation');
      expect(seen.rows[0].n).toBe(0);
      await expect(
        app.query(
          `insert into account_invitation (id, user_id, county_id, token_hash, expires_at)
           select gen_random_uuid(), $1, county_id, repeat('0', 64), now() + interval '1 day' from (select $2::uuid as county_id) c`,
          [userId, countyId],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await app.end();
    }
  });
});
