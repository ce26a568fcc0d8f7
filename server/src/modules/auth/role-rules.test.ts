import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { ROLE_RULES, type Login } from '../../test-support/role-rules.js';
import { inviteTestDeputy, pickDeputy } from '../../test-support/deputy-users.js';

const LOGINS: Login[] = ['qunli.clerk', 'qunli.viewer', 'demo.staff', 'demo.analyst', 'demo.admin', 'qunli.deputy'];

/**
 * Every workflow and analytics operation, as every role: the roles its rule excludes get FORBIDDEN
 * (and anonymous callers UNAUTHENTICATED) before any work is done; the others are let through (their
 * data-level refusals, such as NOT_FOUND for another county, are covered by each module's tests).
 */
describe('role rules of workflow and analytics operations', () => {
  let t: TestServer;
  let variables: Record<string, string>;
  beforeAll(async () => {
    t = await startTestServer();
    await inviteTestDeputy(t, 'qunli.clerk', 'qunli.deputy', (await pickDeputy(t.database.url, 'QUNLI')).deputyId);
    const me = await t.graphql<{ me: { countyId: string; townshipId: string } }>(
      '{ me { countyId townshipId } }',
      {},
      { as: 'qunli.clerk' },
    );
    variables = {
      county: me.data!.me.countyId,
      township: me.data!.me.townshipId,
      id: '00000000-0000-7000-8000-000000000000',
    };
  });
  afterAll(() => t.stop());

  it.each(Object.entries(ROLE_RULES))('%s', async (_name, rule) => {
    const used = Object.fromEntries(Object.entries(variables).filter(([key]) => rule.document.includes(`$${key}`)));
    for (const login of LOGINS) {
      const res = await t.graphql(rule.document, used, { as: login });
      const code = res.errors?.[0]?.extensions?.['code'];
      if (rule.allowed.includes(login)) expect([login, code]).not.toEqual([login, 'FORBIDDEN']);
      else
        expect([login, code, res.errors?.[0]?.extensions?.['reason']]).toEqual([login, 'FORBIDDEN', 'ROLE_FORBIDDEN']);
      expect([login, code]).not.toEqual([login, 'INTERNAL_SERVER_ERROR']);
    }
    const anonymous = await t.graphql(rule.document, used, { as: null });
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_SIGNED_IN' });
  });
});
