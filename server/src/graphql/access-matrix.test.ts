import fc from 'fast-check';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { startTestServer, type GraphQLResponse, type TestServer } from '../test-support/test-server.js';
import { addSecondCounty } from '../test-support/add-second-county.js';
import { ROLE_RULES } from '../test-support/role-rules.js';
import { townshipRows, type TownshipRows } from '../test-support/township-rows.js';
import { chinaToday } from '../common/validation/china-today.js';
import { ApiTokenOperation } from '../modules/api-token/api-token-operation.enum.js';
import { inviteTestDeputy, pickDeputy } from '../test-support/deputy-users.js';
import { PUBLIC_ROOT_FIELDS } from '../modules/auth/public-operations.js';

/**
 * Role × operation × target: every query and mutation, as every role, against the caller's own
 * township, a sibling township of the same county, and a township of another county. Expected
 * results come from the database itself (as superuser), so the matrix asserts exactly what is visible.
 */

const ROLES = ['qunli.clerk', 'qunli.viewer', 'demo.staff', 'demo.analyst', 'demo.admin', 'qunli.deputy'] as const;
type Login = (typeof ROLES)[number];
/** A DEPUTY user the suite invites (the seed data has none): it sees its own rows only. */
const DEPUTY: Login = 'qunli.deputy';
type Target = 'own' | 'sibling' | 'foreign';
const TARGETS: Target[] = ['own', 'sibling', 'foreign'];
const TOWNSHIP_ROLES = new Set<Login>(['qunli.clerk', 'qunli.viewer']);

const visible = (login: Login, target: Target) => (TOWNSHIP_ROLES.has(login) ? target === 'own' : target !== 'foreign');

/** The lists (and by-id queries) a deputy may call at all; the others are FORBIDDEN to it before any read. */
const DEPUTY_LISTS = new Set(['deputies', 'stations', 'activities', 'suggestions']);

/** List query → table; each also has a by-id query named `byId`. */
const TENANT_LISTS = {
  deputies: { table: 'deputy', filter: 'DeputyFilter', byId: 'deputy' },
  deputyGroups: { table: 'deputy_group', filter: 'DeputyGroupFilter', byId: 'deputyGroup' },
  stations: { table: 'station', filter: 'StationFilter', byId: 'station' },
  activities: { table: 'activity', filter: 'ActivityFilter', byId: 'activity' },
  suggestions: { table: 'suggestion', filter: 'SuggestionFilter', byId: 'suggestion' },
  voterContacts: { table: 'voter_contact', filter: 'VoterContactFilter', byId: 'voterContact' },
  elections: { table: 'election', filter: 'ElectionFilter', byId: 'election' },
  quarterlyReports: { table: 'quarterly_report', filter: 'QuarterlyReportFilter', byId: 'quarterlyReport' },
  periodFigures: { table: 'period_figure', filter: 'PeriodFigureFilter', byId: 'periodFigure' },
  terms: { table: 'term', filter: 'TermFilter', byId: 'term' },
  congressSessions: { table: 'congress_session', filter: 'CongressSessionFilter', byId: 'congressSession' },
} as const;

/** A clerk's target rows: QUNLI's, plus a voter contact not yet answered. */
type WriteTargets = TownshipRows & { unansweredContactId: string };

/**
 * Record-keeping mutations, each with arguments the QUNLI clerk may send: only a township clerk may run
 * them (the others are FORBIDDEN before anything is read), and only on its own township's rows.
 */
const CLERK_WRITES: Record<string, (own: WriteTargets) => { args: string; variables: Record<string, unknown> }> = {
  createDeputy: (own) => ({
    args: '$input: CreateDeputyInput!',
    variables: { input: { termId: own.termId, name: '矩阵代表', gender: 'MALE', level: 'TOWNSHIP' } },
  }),
  updateDeputy: (own) => ({
    args: '$id: ID!, $input: UpdateDeputyInput!',
    variables: { id: own.deputyId, input: { ethnicity: '汉族' } },
  }),
  retireDeputy: (own) => ({
    args: '$id: ID!, $status: DeputyStatus!, $on: LocalDate!',
    variables: { id: own.deputyId, status: 'RESIGNED', on: chinaToday() },
  }),
  createDeputyGroup: () => ({ args: '$input: CreateDeputyGroupInput!', variables: { input: { name: '矩阵小组' } } }),
  updateDeputyGroup: (own) => ({
    args: '$id: ID!, $input: UpdateDeputyGroupInput!',
    variables: { id: own.groupId, input: { name: '矩阵小组（改）' } },
  }),
  retireDeputyGroup: (own) => ({ args: '$id: ID!, $on: LocalDate!', variables: { id: own.groupId, on: chinaToday() } }),
  createStation: () => ({ args: '$input: CreateStationInput!', variables: { input: { name: '矩阵联络站' } } }),
  updateStation: (own) => ({
    args: '$id: ID!, $input: UpdateStationInput!',
    variables: { id: own.stationId, input: { village: '矩阵村' } },
  }),
  retireStation: (own) => ({ args: '$id: ID!, $on: LocalDate!', variables: { id: own.stationId, on: chinaToday() } }),
  recordDeputyReport: (own) => ({
    args: '$input: RecordDeputyReportInput!',
    variables: {
      input: {
        deputyId: own.deputyId,
        reportedOn: '2025-06-01',
        votersPresent: 30,
        satisfied: 20,
        basicallySatisfied: 5,
        dissatisfied: 1,
      },
    },
  }),
  recordActivity: (own) => ({
    args: '$input: RecordActivityInput!',
    variables: {
      input: { type: 'STUDY', occurredOn: '2025-01-06', title: '矩阵学习', participants: [{ deputyId: own.deputyId }] },
    },
  }),
  updateActivity: (own) => ({
    args: '$id: ID!, $input: UpdateActivityInput!',
    variables: { id: own.activityId, input: { topic: '矩阵主题' } },
  }),
  recordVoterContact: () => ({
    args: '$input: RecordVoterContactInput!',
    variables: { input: { kind: 'LETTER', receivedOn: '2025-01-06', subject: '矩阵来信' } },
  }),
  replyVoterContact: (own) => ({
    args: '$id: ID!, $repliedOn: LocalDate!',
    variables: { id: own.unansweredContactId, repliedOn: chinaToday() },
  }),
  recordElection: () => ({
    args: '$input: RecordElectionInput!',
    variables: { input: { kind: 'BY_ELECTION', heldOn: '2025-01-06', registeredVoters: 10, votersVoted: 9 } },
  }),
};

/** The operation for one of CLERK_WRITES, selecting the written row's id and township. */
const clerkWrite = (field: string, own: WriteTargets) => {
  const { args, variables } = CLERK_WRITES[field]!(own);
  const call = Object.keys(variables)
    .map((name) => `${name}: $${name}`)
    .join(', ');
  return { query: `mutation (${args}) { ${field}(${call}) { id townshipId } }`, variables };
};

/** Root fields checked by hand-written cases below (everything else is in TENANT_LISTS). */
const OTHER_FIELDS = [
  'counties',
  'county',
  'townships',
  'township',
  'metricDefinitions',
  'metricDefinition',
  'me',
  'users',
  'auditLog',
  'login',
  'activateAccount',
  'createUser',
  'updateUser',
  'signOut',
  'apiTokens',
  'createApiToken',
  'revokeApiToken',
  ...Object.keys(CLERK_WRITES),
  // Import and export: clerk (own township) and county admin (the county's) only, checked role by role and
  // township by township in modules/data-import/data-import.test.ts.
  'importTemplate',
  'exportTownship',
  'previewImport',
  'commitImport',
  // Workflow and analytics operations: their role rules are checked in role-rules.test.ts.
  ...Object.keys(ROLE_RULES),
];

const codeOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['code'];

describe('role × operation access matrix', () => {
  let t: TestServer;
  let su: pg.Client;
  const townships = new Map<string, { id: string; countyId: string; code: string }>();
  /** For each table and target: the township used and a row id in it. */
  const picks = new Map<string, Record<Target, { townshipId: string; rowId: string; rows: number }>>();
  /** Per table, the rows the deputy may see (read as superuser from its deputy row). */
  const deputySees = new Map<string, Set<string>>();

  beforeAll(async () => {
    t = await startTestServer();
    await addSecondCounty(t.database.ownerUrl);
    su = new pg.Client({ connectionString: t.database.url });
    await su.connect();
    const deputyId = (await pickDeputy(t.database.url, 'QUNLI')).deputyId;
    await inviteTestDeputy(t, 'qunli.clerk', DEPUTY, deputyId);
    const ids = async (sql: string) =>
      new Set((await su.query<{ id: string }>(sql, [deputyId])).rows.map((r) => r.id).filter(Boolean));
    deputySees.set('deputy', await ids('select id from deputy where id = $1'));
    deputySees.set('station', await ids('select station_id as id from deputy where id = $1'));
    deputySees.set('activity', await ids('select activity_id as id from activity_participant where deputy_id = $1'));
    deputySees.set('suggestion', await ids('select suggestion_id as id from suggestion_proposer where deputy_id = $1'));
    for (const row of (
      await su.query<{ id: string; county_id: string; code: string }>('select id, county_id, code from township')
    ).rows) {
      townships.set(row.code, { id: row.id, countyId: row.county_id, code: row.code });
    }
    const qunli = townships.get('QUNLI')!;
    for (const { table } of Object.values(TENANT_LISTS)) {
      const counts = await su.query<{ township_id: string; county_id: string; n: string; some_id: string }>(
        `select township_id, county_id, count(*) as n, min(id::text) as some_id from "${table}" group by township_id, county_id order by count(*) desc`,
      );
      const pick = (match: (r: { township_id: string; county_id: string }) => boolean) => {
        const row = counts.rows.find(match);
        if (!row) throw new Error(`no ${table} rows for a target`);
        return { townshipId: row.township_id, rowId: row.some_id, rows: Number(row.n) };
      };
      picks.set(table, {
        own: pick((r) => r.township_id === qunli.id),
        sibling: pick((r) => r.county_id === qunli.countyId && r.township_id !== qunli.id),
        foreign: pick((r) => r.county_id !== qunli.countyId),
      });
    }
  });

  afterAll(async () => {
    await su.end();
    await t.stop();
  });

  it('covers every query and mutation of the schema', async () => {
    const res = await t.graphql<{
      __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } };
    }>('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    const covered = new Set([
      ...Object.keys(TENANT_LISTS),
      ...Object.values(TENANT_LISTS).map((l) => l.byId),
      ...OTHER_FIELDS,
    ]);
    const all = [...res.data!.__schema.queryType.fields, ...res.data!.__schema.mutationType.fields].map((f) => f.name);
    expect(all.filter((name) => !covered.has(name))).toEqual([]);
  });

  describe.each(Object.entries(TENANT_LISTS))('%s / by id', (field, spec) => {
    it.each(ROLES)('as %s: lists and fetches exactly the rows of visible townships', async (login) => {
      if (login === DEPUTY) {
        const list = await t.graphql(`{ ${field}(first: 0) { totalCount } }`, {}, { as: login });
        const one = await t.graphql(
          `query ($id: ID!) { ${spec.byId}(id: $id) { id } }`,
          { id: picks.get(spec.table)!.own.rowId },
          {
            as: login,
          },
        );
        if (!DEPUTY_LISTS.has(field)) {
          expect([codeOf(list), codeOf(one)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
          return;
        }
        const sees = deputySees.get(spec.table)!;
        expect(sees.size).toBeGreaterThan(0);
        for (const target of TARGETS) {
          const pick = picks.get(spec.table)![target];
          const res = await t.graphql<Record<string, { totalCount: number }>>(
            `query ($f: ${spec.filter}) { ${field}(first: 0, filter: $f) { totalCount } }`,
            { f: { townshipId: pick.townshipId } },
            { as: login },
          );
          expect([target, res.data![field]!.totalCount]).toEqual([target, target === 'own' ? sees.size : 0]);
          const byId = await t.graphql(
            `query ($id: ID!) { ${spec.byId}(id: $id) { id } }`,
            { id: pick.rowId },
            {
              as: login,
            },
          );
          expect([target, codeOf(byId) ?? 'FOUND']).toEqual([target, sees.has(pick.rowId) ? 'FOUND' : 'NOT_FOUND']);
        }
        for (const id of sees) {
          const own = await t.graphql<Record<string, { id: string }>>(
            `query ($id: ID!) { ${spec.byId}(id: $id) { id } }`,
            { id },
            { as: login },
          );
          expect(own.data![spec.byId]!.id).toBe(id);
        }
        return;
      }
      for (const target of TARGETS) {
        const pick = picks.get(spec.table)![target];
        const list = await t.graphql<Record<string, { totalCount: number }>>(
          `query ($f: ${spec.filter}) { ${field}(first: 0, filter: $f) { totalCount } }`,
          { f: { townshipId: pick.townshipId } },
          { as: login },
        );
        expect(list.errors).toBeUndefined();
        expect([target, list.data![field]!.totalCount]).toEqual([target, visible(login, target) ? pick.rows : 0]);
        const one = await t.graphql<Record<string, { id: string } | null>>(
          `query ($id: ID!) { ${spec.byId}(id: $id) { id } }`,
          { id: pick.rowId },
          { as: login },
        );
        if (visible(login, target)) expect(one.data![spec.byId]!.id).toBe(pick.rowId);
        else expect([target, codeOf(one)]).toEqual([target, 'NOT_FOUND']);
      }
    });

    it('refuses anonymous callers', async () => {
      const res = await t.graphql(`{ ${field}(first: 1) { totalCount } }`, {}, { as: null });
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    });
  });

  it('as the deputy: me, and no county, township list or metric catalog', async () => {
    const me = await t.graphql<{ me: { login: string; role: string } }>('{ me { login role } }', {}, { as: DEPUTY });
    expect(me.data!.me).toEqual({ login: DEPUTY, role: 'DEPUTY' });
    for (const query of [
      '{ counties(first: 5) { totalCount } }',
      '{ townships(first: 0) { totalCount } }',
      '{ metricDefinitions { key } }',
      '{ metricDefinition(key: "meetings_held") { key } }',
    ]) {
      expect([query, codeOf(await t.graphql(query, {}, { as: DEPUTY }))]).toEqual([query, 'FORBIDDEN']);
    }
    const qunli = townships.get('QUNLI')!;
    for (const [query, id] of [
      ['query ($id: ID!) { county(id: $id) { id } }', qunli.countyId],
      ['query ($id: ID!) { township(id: $id) { id } }', qunli.id],
    ] as const) {
      expect([query, codeOf(await t.graphql(query, { id }, { as: DEPUTY }))]).toEqual([query, 'FORBIDDEN']);
    }
  });

  it.each(ROLES.filter((login) => login !== DEPUTY))(
    'as %s: counties, townships, metric catalog, me',
    async (login) => {
      const res = await t.graphql<{
        counties: { totalCount: number; nodes: { id: string }[] };
        townships: { totalCount: number };
        metricDefinitions: { key: string }[];
        me: { login: string; countyId: string };
      }>(
        '{ counties(first: 5) { totalCount nodes { id } } townships(first: 0) { totalCount } metricDefinitions { key } me { login countyId } }',
        {},
        { as: login },
      );
      expect(res.errors).toBeUndefined();
      const own = townships.get('QUNLI')!;
      expect(res.data!.counties.nodes.map((c) => c.id)).toEqual([own.countyId]);
      expect(res.data!.townships.totalCount).toBe(TOWNSHIP_ROLES.has(login) ? 1 : 5);
      expect(res.data!.metricDefinitions.length).toBeGreaterThan(20);
      expect(res.data!.me).toEqual({ login, countyId: own.countyId });
      const foreign = townships.get('OTHERQUNLI')!;
      const county = await t.graphql(
        'query ($id: ID!) { county(id: $id) { id } }',
        { id: foreign.countyId },
        { as: login },
      );
      expect(codeOf(county)).toBe('NOT_FOUND');
      const township = await t.graphql(
        'query ($id: ID!) { township(id: $id) { id } }',
        { id: foreign.id },
        { as: login },
      );
      expect(codeOf(township)).toBe('NOT_FOUND');
      const metric = await t.graphql<{ metricDefinition: { key: string } }>(
        '{ metricDefinition(key: "meetings_held") { key } }',
        {},
        { as: login },
      );
      expect(metric.data!.metricDefinition.key).toBe('meetings_held');
    },
  );

  it.each(ROLES)('as %s: user management and the audit log only as their rules allow', async (login) => {
    const users = await t.graphql<{ users: { login: string; countyId: string }[] }>(
      '{ users { login countyId } }',
      {},
      { as: login },
    );
    const audit = await t.graphql('{ auditLog(first: 0) { totalCount } }', {}, { as: login });
    if (login === 'demo.admin') {
      const truth = await su.query(`select login from app_user where county_id = $1`, [
        townships.get('QUNLI')!.countyId,
      ]);
      expect(users.data!.users.map((u) => u.login).sort()).toEqual(
        truth.rows.map((r: { login: string }) => r.login).sort(),
      );
    } else {
      expect(codeOf(users)).toBe('FORBIDDEN');
    }
    expect(audit.errors === undefined).toBe(login === 'demo.admin' || login === 'qunli.clerk');
    const created = await t.graphql(
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          login: `m-${login.replace('.', '-')}`,
          displayName: 'x',
          password: 'a-long-password',
          role: 'ANALYST',
        },
      },
      { as: login },
    );
    expect(created.errors === undefined).toBe(login === 'demo.admin');
    if (login !== 'demo.admin') expect(codeOf(created)).toBe('FORBIDDEN');
  });

  it.each([...ROLES, null])('as %s: activateAccount is public and redeems only a real link', async (login) => {
    const res = await t.graphql(
      'mutation ($input: ActivateAccountInput!) { activateAccount(input: $input) { token } }',
      { input: { token: randomUUID(), password: 'a-long-password' } },
      { as: login },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVITATION_UNKNOWN' });
  });

  it.each(ROLES)('as %s: deputies’ contact phones (PII) only for roles other than analysts', async (login) => {
    const res = await t.graphql<{ deputies: { nodes: { contactPhone: string | null }[] } }>(
      '{ deputies(first: 3) { nodes { contactPhone } } }',
      {},
      { as: login },
    );
    if (login === 'demo.analyst') {
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(JSON.stringify(res.data)).not.toMatch(/1[3-9]\d{9}/);
    } else if (login === DEPUTY) {
      // Its own number only: the list holds its own row and nothing else.
      expect(res.errors).toBeUndefined();
      expect(res.data!.deputies.nodes).toHaveLength(1);
      expect(res.data!.deputies.nodes[0]!.contactPhone).toMatch(/^1[3-9]\d{9}$/);
    } else {
      expect(res.errors).toBeUndefined();
      expect(res.data!.deputies.nodes.every((d) => /^1[3-9]\d{9}$/.test(d.contactPhone ?? ''))).toBe(true);
    }
  });

  describe('record-keeping mutations', () => {
    let own: WriteTargets;
    beforeAll(async () => {
      const rows = await townshipRows(t.database.url, 'QUNLI');
      const contact = await su.query<{ id: string }>(
        `insert into voter_contact (id, township_id, county_id, kind, received_on, subject)
         values (gen_random_uuid(), $1, $2, 'LETTER', '2025-01-02', '待答复的来信') returning id`,
        [rows.townshipId, rows.countyId],
      );
      own = { ...rows, unansweredContactId: contact.rows[0]!.id };
    });

    describe.each(Object.keys(CLERK_WRITES))('%s', (field) => {
      it('is FORBIDDEN to every role but the township clerk, and writes nothing for them', async () => {
        const before = await su.query<{ n: string }>('select count(*) as n from audit_log');
        for (const login of ROLES.filter((role) => role !== 'qunli.clerk')) {
          const { query, variables } = clerkWrite(field, own);
          const res = await t.graphql<Record<string, unknown>>(query, variables, { as: login });
          expect([login, codeOf(res), res.data?.[field] ?? null]).toEqual([login, 'FORBIDDEN', null]);
        }
        const after = await su.query<{ n: string }>('select count(*) as n from audit_log');
        expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
      });

      it('succeeds for the clerk on its own township', async () => {
        const { query, variables } = clerkWrite(field, own);
        const res = await t.graphql<Record<string, { id: string; townshipId: string }>>(query, variables, {
          as: 'qunli.clerk',
        });
        expect(res.errors).toBeUndefined();
        expect(res.data![field]!.townshipId).toBe(own.townshipId);
      });

      it('leaves another township’s rows alone when its clerk names them', async () => {
        const { query, variables } = clerkWrite(field, own);
        for (const login of ['simeng.clerk', 'otherqunli.clerk']) {
          const res = await t.graphql<Record<string, { id: string; townshipId: string }>>(query, variables, {
            as: login,
          });
          if (res.errors)
            expect([login, codeOf(res)]).toEqual([login, expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/)]);
          else expect(res.data![field]!.townshipId).not.toBe(own.townshipId);
        }
      });
    });
  });

  it('lets a county admin manage only its own county’s users', async () => {
    const foreignUser = (await su.query<{ id: string }>(`select id from app_user where login = 'otherqunli.clerk'`))
      .rows[0]!.id;
    const ownUser = (await su.query<{ id: string }>(`select id from app_user where login = 'simeng.viewer'`)).rows[0]!
      .id;
    const update = (id: string) =>
      t.graphql<{ updateUser: { displayName: string } }>(
        'mutation ($id: ID!) { updateUser(id: $id, input: { displayName: "改名" }) { displayName } }',
        { id },
        { as: 'demo.admin' },
      );
    expect((await update(ownUser)).data!.updateUser.displayName).toBe('改名');
    expect(codeOf(await update(foreignUser))).toBe('NOT_FOUND');
    const intoForeign = await t.graphql(
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          login: 'sneaky.clerk',
          displayName: 'x',
          password: 'a-long-password',
          role: 'TOWNSHIP_CLERK',
          townshipId: townships.get('OTHERQUNLI')!.id,
        },
      },
      { as: 'demo.admin' },
    );
    expect(codeOf(intoForeign)).toBe('NOT_FOUND');
    const sneaky = await su.query(`select 1 from app_user where login = 'sneaky.clerk'`);
    expect(sneaky.rowCount).toBe(0);
  });

  describe('API token callers (a QUNLI clerk’s token with every operation a token may name)', () => {
    const TOKEN_OPERATIONS = new Set<string>(Object.values(ApiTokenOperation));
    let token: string;
    /** One call of every query and mutation of the schema except the public ones, with arguments that would pass. */
    let calls: Record<string, { query: string; variables: Record<string, unknown> }>;
    const asToken = (query: string, variables: Record<string, unknown>) =>
      t.post({ query, variables }, { authorization: `Bearer ${token}` });

    beforeAll(async () => {
      const made = await t.graphql<{ createApiToken: { token: string } }>(
        'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
        { input: { name: '矩阵令牌', operations: [...TOKEN_OPERATIONS] } },
        { as: 'qunli.clerk' },
      );
      token = made.data!.createApiToken.token;
      const qunli = townships.get('QUNLI')!;
      const own = { ...(await townshipRows(t.database.url, 'QUNLI')), unansweredContactId: randomUUID() };
      const vars: Record<string, string> = { county: qunli.countyId, township: qunli.id, id: randomUUID() };
      const ruleCall = (document: string) => ({
        query: document,
        variables: Object.fromEntries(Object.entries(vars).filter(([key]) => document.includes(`$${key}`))),
      });
      const plain = (query: string) => ({ query, variables: {} });
      calls = {
        ...Object.fromEntries(
          Object.entries(TENANT_LISTS).flatMap(([field, spec]) => [
            [field, plain(`{ ${field}(first: 0) { totalCount } }`)],
            [
              spec.byId,
              { query: `query ($id: ID!) { ${spec.byId}(id: $id) { id } }`, variables: { id: own.deputyId } },
            ],
          ]),
        ),
        ...Object.fromEntries(Object.keys(CLERK_WRITES).map((field) => [field, clerkWrite(field, own)])),
        ...Object.fromEntries(Object.entries(ROLE_RULES).map(([field, rule]) => [field, ruleCall(rule.document)])),
        counties: plain('{ counties(first: 1) { totalCount } }'),
        county: { query: 'query ($id: ID!) { county(id: $id) { id } }', variables: { id: qunli.countyId } },
        townships: plain('{ townships(first: 1) { totalCount } }'),
        township: { query: 'query ($id: ID!) { township(id: $id) { id } }', variables: { id: qunli.id } },
        metricDefinitions: plain('{ metricDefinitions { key } }'),
        metricDefinition: plain('{ metricDefinition(key: "meetings_held") { key } }'),
        me: plain('{ me { login } }'),
        users: plain('{ users { login } }'),
        auditLog: plain('{ auditLog(first: 0) { totalCount } }'),
        createUser: plain(
          'mutation { createUser(input: { login: "token.made", displayName: "x", password: "a-long-password", role: ANALYST }) { id } }',
        ),
        updateUser: {
          query: 'mutation ($id: ID!) { updateUser(id: $id, input: { displayName: "令牌改名" }) { id } }',
          variables: { id: randomUUID() },
        },
        signOut: plain('mutation { signOut }'),
        apiTokens: plain('{ apiTokens { id } }'),
        createApiToken: plain(
          'mutation { createApiToken(input: { name: "令牌造令牌", operations: [quarterlyReports] }) { token } }',
        ),
        revokeApiToken: {
          query: 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
          variables: { id: randomUUID() },
        },
        importTemplate: plain('{ importTemplate { fileName } }'),
        exportTownship: {
          query: 'query ($id: ID!) { exportTownship(townshipId: $id) { fileName } }',
          variables: { id: qunli.id },
        },
        ...Object.fromEntries(
          ['previewImport', 'commitImport'].map((field) => [
            field,
            {
              query: `mutation ($input: ImportFileInput!) { ${field}(input: $input) { committed } }`,
              // A one-group CSV (base64): a call that would pass for the clerk himself.
              variables: {
                input: {
                  townshipId: qunli.id,
                  fileName: '代表小组.csv',
                  contentBase64: '5bCP57uE5ZCN56ewCuS7pOeJjOWwj+e7hAo=',
                },
              },
            },
          ]),
        ),
      };
    });

    it('covers every query and mutation but the public ones', async () => {
      const res = await t.graphql<{
        __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } };
      }>('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
      const all = [...res.data!.__schema.queryType.fields, ...res.data!.__schema.mutationType.fields].map(
        (f) => f.name,
      );
      expect(all.filter((name) => !PUBLIC_ROOT_FIELDS.has(name) && !calls[name]).sort()).toEqual([]);
    });

    it('may call exactly the operations a token may name, and is FORBIDDEN everything else, writing nothing', async () => {
      const before = await su.query<{ n: string }>('select count(*) as n from audit_log');
      const outcomes: [string, unknown][] = [];
      for (const [field, call] of Object.entries(calls)) {
        if (TOKEN_OPERATIONS.has(field)) continue;
        const res = await asToken(call.query, call.variables);
        outcomes.push([field, res.json?.errors?.[0]?.extensions?.['code']]);
      }
      expect(outcomes.filter(([, code]) => code !== 'FORBIDDEN')).toEqual([]);
      const after = await su.query<{ n: string }>('select count(*) as n from audit_log');
      expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    });

    it('sees through its operations exactly what the township’s clerk sees', async () => {
      for (const target of TARGETS) {
        const pick = picks.get('quarterly_report')![target];
        const list = await asToken(
          'query ($f: QuarterlyReportFilter) { quarterlyReports(first: 0, filter: $f) { totalCount } }',
          {
            f: { townshipId: pick.townshipId },
          },
        );
        expect(list.json?.errors).toBeUndefined();
        const seen = (list.json!.data as { quarterlyReports: { totalCount: number } }).quarterlyReports.totalCount;
        expect([target, seen]).toEqual([target, visible('qunli.clerk', target) ? pick.rows : 0]);
        const one = await asToken('query ($id: ID!) { quarterlyReport(id: $id) { id } }', { id: pick.rowId });
        if (visible('qunli.clerk', target)) expect(one.json?.errors).toBeUndefined();
        else expect([target, one.json?.errors?.[0]?.extensions?.['code']]).toEqual([target, 'NOT_FOUND']);
      }
      const draft = await asToken(calls['quarterlyReportDraft']!.query, calls['quarterlyReportDraft']!.variables);
      expect(draft.json?.errors).toBeUndefined();
    });
  });

  it('property: a foreign or random id never returns a row, whoever asks', async () => {
    const invisible: { login: Login; field: string; id: string }[] = [];
    for (const [list, spec] of Object.entries(TENANT_LISTS)) {
      for (const login of ROLES) {
        for (const target of TARGETS) {
          const rowId = picks.get(spec.table)![target].rowId;
          const seen =
            login === DEPUTY
              ? DEPUTY_LISTS.has(list) && deputySees.get(spec.table)!.has(rowId)
              : visible(login, target);
          if (!seen) invisible.push({ login, field: spec.byId, id: rowId });
        }
      }
    }
    const listOf = new Map(Object.entries(TENANT_LISTS).map(([list, spec]) => [spec.byId as string, list]));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...invisible),
          fc.record({
            login: fc.constantFrom(...ROLES),
            field: fc.constantFrom(...Object.values(TENANT_LISTS).map((s) => s.byId)),
            id: fc.uuid(),
          }),
        ),
        async ({ login, field, id }) => {
          const res = await t.graphql<Record<string, unknown>>(
            `query ($id: ID!) { ${field}(id: $id) { id } }`,
            { id },
            { as: login },
          );
          expect(res.data?.[field] ?? null).toBeNull();
          const forbidden = login === DEPUTY && !DEPUTY_LISTS.has(listOf.get(field)!);
          expect(codeOf(res)).toBe(forbidden ? 'FORBIDDEN' : 'NOT_FOUND');
        },
      ),
      { numRuns: 80, seed: 20261125 },
    );
  });

  it('property: a clerk never writes a row into another township, with any ids', async () => {
    const app = new pg.Client({ connectionString: t.database.appUrl });
    await app.connect();
    const clerk = (
      await su.query<{ id: string; county_id: string; township_id: string }>(
        `select id, county_id, township_id from app_user where login = 'qunli.clerk'`,
      )
    ).rows[0]!;
    const others = [...townships.values()].filter((tw) => tw.id !== clerk.township_id);
    const before = (await su.query<{ n: string }>('select count(*) as n from deputy_group')).rows[0]!.n;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...others),
          fc.oneof(fc.constant(clerk.county_id), fc.constantFrom(...others.map((o) => o.countyId)), fc.uuid()),
          fc.string({ maxLength: 20 }),
          async (township, countyId, name) => {
            await app.query('begin');
            try {
              await app.query(
                `select set_config('renda.user_id', $1, true), set_config('renda.role', 'TOWNSHIP_CLERK', true),
                        set_config('renda.county_id', $2, true), set_config('renda.township_id', $3, true)`,
                [clerk.id, clerk.county_id, clerk.township_id],
              );
              await expect(
                app.query(
                  `insert into deputy_group (id, created_at, updated_at, township_id, county_id, provenance, name)
                   values ($1, now(), now(), $2, $3, 'RECORDED', $4)`,
                  [randomUUID(), township.id, countyId, `p${name}`],
                ),
              ).rejects.toMatchObject({ code: expect.stringMatching(/^(42501|23503)$/) });
            } finally {
              await app.query('rollback');
            }
          },
        ),
        { numRuns: 60, seed: 20261125 },
      );
    } finally {
      await app.end();
    }
    const after = (await su.query<{ n: string }>('select count(*) as n from deputy_group')).rows[0]!.n;
    expect(after).toBe(before);
  });
});
