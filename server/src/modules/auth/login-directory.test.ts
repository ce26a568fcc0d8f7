import { createOrm } from '../../database/create-orm.js';
import { DATABASE_ROLES } from '../../database/database-roles.js';
import { migrationList } from '../../migrations/migration-list.js';
import { addSecondCounty } from '../../test-support/add-second-county.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { DEMO_PASSWORD } from '../../seed/seed-demo-users.js';
import { inviteTestDeputy, pickDeputy } from '../../test-support/deputy-users.js';

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id login } }`;
const MIGRATION = 'Migration20261207075508_login_directory';

/** Users whose directory entry is missing or disagrees with their row, and entries without a user. */
const MISMATCHES = `select count(*)::int as n from app_user u full join login_directory d on d.login = u.login
  where d.user_id is distinct from u.id or d.county_id is distinct from u.county_id`;

describe('login directory (login → county, unique across the platform)', () => {
  let t: TestServer;
  const su = <T>(sql: string, params: unknown[] = []) =>
    withDatabaseClient(t.database.url, async (client) => (await client.query(sql, params)).rows as T[]);
  const createUser = (as: string, login: string) =>
    t.graphql<{ createUser: { id: string; login: string } }>(
      CREATE_USER,
      { input: { login, displayName: '目录测试', password: DEMO_PASSWORD, role: 'COUNTY_STAFF' } },
      { as },
    );

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.admin' });
    await addSecondCounty(t.database.ownerUrl);
  });
  afterAll(() => t.stop());

  it('holds every user, also after the migration is undone and applied again (it copies existing users)', async () => {
    const orm = await createOrm({ clientUrl: t.database.ownerUrl, poolMax: 1 });
    try {
      const previous = migrationList[migrationList.findIndex((m) => m.name === MIGRATION) - 1]!.name;
      await orm.migrator.down({ to: previous });
      expect(await su(`select to_regclass('login_directory') as t`)).toEqual([{ t: null }]);
      await orm.migrator.up();
    } finally {
      await orm.close();
    }
    expect(await su(MISMATCHES)).toEqual([{ n: 0 }]);
    const [{ n }] = await su<{ n: number }>(`select count(*)::int as n from login_directory`);
    expect(n).toBeGreaterThan(20); // 13 demo users in each of the two counties
  });

  it("registers a new user's login under the admin's county, and the user signs in through it", async () => {
    const made = await createUser('demo.admin', 'directory.staff');
    expect(made.errors).toBeUndefined();
    expect(
      await su(
        `select d.user_id = $2 as same_user, d.county_id = u.county_id as same_county
           from login_directory d join app_user u on u.login = d.login where d.login = $1`,
        ['directory.staff', made.data!.createUser.id],
      ),
    ).toEqual([{ same_user: true, same_county: true }]);
    const me = await t.graphql<{ me: { login: string } }>('{ me { login } }', {}, { as: 'directory.staff' });
    expect(me.data?.me.login).toBe('directory.staff');
  });

  it('refuses a sign-in whose login has no directory entry, as a wrong password', async () => {
    await su(`delete from login_directory where login = 'demo.staff'`);
    try {
      const res = await t.graphql(
        `mutation ($input: LoginInput!) { login(input: $input) { token } }`,
        { input: { login: 'demo.staff', password: DEMO_PASSWORD } },
        { as: null },
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      await su(`insert into login_directory select login, county_id, id from app_user where login = 'demo.staff'`);
    }
  });

  describe("without app_user's own unique login (as on a Citus cluster, where distributing drops it)", () => {
    beforeAll(() => su(`alter table app_user drop constraint app_user_login_unique`));

    it("still refuses another county's login with the same answer as this county's, writing nothing", async () => {
      const here = await createUser('demo.admin', 'qunli.clerk');
      const elsewhere = await createUser('demo.admin', 'otherqunli.clerk');
      for (const [res, login] of [
        [here, 'qunli.clerk'],
        [elsewhere, 'otherqunli.clerk'],
      ] as const) {
        expect(res.data).toBeNull();
        expect(res.errors?.[0]?.extensions).toMatchObject({
          code: 'CONFLICT',
          reason: 'LOGIN_TAKEN',
          field: ['input', 'login'],
          messageEn: `Login already taken: ${login}`,
        });
        expect(JSON.stringify(res)).not.toMatch(/constraint|login_directory|app_user|unique/i);
        expect(await su(`select count(*)::int as n from app_user where login = $1`, [login])).toEqual([{ n: 1 }]);
      }
      expect(await su(MISMATCHES)).toEqual([{ n: 0 }]);
    });

    it("refuses a deputy's invitation under another county's login, and the deputy signs in under a free one", async () => {
      const { deputyId } = await pickDeputy(t.database.url, 'QUNLI');
      const invite = (username: string) =>
        t.graphql(
          'mutation ($input: InviteDeputyInput!) { inviteDeputy(input: $input) { activationPath } }',
          { input: { deputyId, username } },
          { as: 'qunli.clerk' },
        );
      const taken = await invite('otherdemo.staff');
      expect(taken.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'LOGIN_TAKEN',
        field: ['input', 'login'],
      });
      expect(await su(`select count(*)::int as n from app_user where deputy_id = $1`, [deputyId])).toEqual([{ n: 0 }]);
      await inviteTestDeputy(t, 'qunli.clerk', 'directory.deputy', deputyId);
      const me = await t.graphql<{ me: { login: string } }>('{ me { login } }', {}, { as: 'directory.deputy' });
      expect(me.data?.me.login).toBe('directory.deputy');
      expect(await su(MISMATCHES)).toEqual([{ n: 0 }]);
    });

    it("refuses look-alikes of another county's login as bad input, writing nothing, and signs none of them in", async () => {
      const taken = 'otherqunli.clerk';
      // Case, blanks, NUL, zero-width and bidi characters, full-width and dot-leader look-alikes.
      const lookAlikes = [
        'OtherQunli.Clerk',
        `${taken} `,
        ` ${taken}`,
        `${taken}\u0000`,
        `${taken}\u200b`,
        `\u202e${taken}`,
        'ｏtherqunli.clerk',
        'otherqunli\u2024clerk',
        `${taken}${'x'.repeat(80)}`,
      ];
      const before = await su<{ users: number; entries: number }>(
        `select (select count(*)::int from app_user) as users, (select count(*)::int from login_directory) as entries`,
      );
      for (const login of lookAlikes) {
        const res = await createUser('demo.admin', login);
        expect({ login, data: res.data ?? null, extensions: res.errors?.[0]?.extensions }).toMatchObject({
          login,
          data: null,
          extensions: { code: 'BAD_USER_INPUT', field: ['input', 'login'] },
        });
        // A look-alike signs nobody in, and answers as any unknown login does (no hint that it resembles one).
        const signIn = await t.graphql(
          `mutation ($input: LoginInput!) { login(input: $input) { token } }`,
          { input: { login, password: DEMO_PASSWORD } },
          { as: null },
        );
        expect({ login, data: signIn.data ?? null, code: signIn.errors?.[0]?.extensions?.['code'] }).toEqual({
          login,
          data: null,
          code: expect.stringMatching(/^(UNAUTHENTICATED|BAD_USER_INPUT)$/),
        });
      }
      expect(
        await su(
          `select (select count(*)::int from app_user) as users, (select count(*)::int from login_directory) as entries`,
        ),
      ).toEqual(before);
      expect(await su(MISMATCHES)).toEqual([{ n: 0 }]);
    });

    it('lets exactly one of two counties’ admins create the same new login at once', async () => {
      for (let round = 0; round < 5; round++) {
        const login = `race${round}.staff`;
        const results = await Promise.all([createUser('demo.admin', login), createUser('otherdemo.admin', login)]);
        const won = results.filter((r) => r.errors === undefined);
        const lost = results.filter((r) => r.errors !== undefined);
        expect(won).toHaveLength(1);
        expect(lost.map((r) => r.errors?.[0]?.extensions?.['reason'])).toEqual(['LOGIN_TAKEN']);
        expect(
          await su(
            `select u.id = d.user_id as same from app_user u join login_directory d on d.login = u.login where u.login = $1`,
            [login],
          ),
        ).toEqual([{ same: true }]);
      }
      expect(await su(MISMATCHES)).toEqual([{ n: 0 }]);
    });
  });

  it('is closed to the application role except through its functions, and analysts cannot call them', async () => {
    const app = <T>(sql: string) =>
      withDatabaseClient(t.database.appUrl, async (client) => (await client.query(sql)).rows as T[]);
    await expect(app(`select login from login_directory`)).rejects.toMatchObject({ code: '42501' });
    await expect(
      app(`insert into login_directory values ('squat', gen_random_uuid(), gen_random_uuid())`),
    ).rejects.toMatchObject({ code: '42501' });
    const [{ county }] = await app<{ county: string }>(`select renda_login_county('demo.staff') as county`);
    expect(county).toEqual(
      (await su<{ id: string }>(`select county_id as id from app_user where login = 'demo.staff'`))[0]!.id,
    );
    // Only a login a real user of that county has can be registered: the check at commit refuses the rest.
    await expect(
      app(`select renda_register_login(gen_random_uuid(), gen_random_uuid(), 'squat')`),
    ).rejects.toMatchObject({ code: 'P0002' });
    const [staff] = await su<{ id: string; county: string }>(
      `select id, county_id as county from app_user where login = 'demo.staff'`,
    );
    // A real user's id and county with a login that user does not have: refused too.
    await expect(app(`select renda_register_login('${staff!.id}', '${staff!.county}', 'squat')`)).rejects.toMatchObject(
      { code: 'P0002' },
    );
    expect(await su(`select count(*)::int as n from login_directory where login = 'squat'`)).toEqual([{ n: 0 }]);
    for (const fn of [
      `renda_login_county('demo.staff')`,
      `renda_register_login(gen_random_uuid(), gen_random_uuid(), 'squat')`,
    ]) {
      await expect(
        withDatabaseClient(t.database.appUrl, async (client) => {
          await client.query('begin');
          await client.query(`set local role ${DATABASE_ROLES.analyst}`);
          return client.query(`select ${fn}`);
        }),
      ).rejects.toMatchObject({ code: '42501' });
    }
  });
});
