import fc from 'fast-check';
import pg from 'pg';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { pickDeputy, type DeputyPick } from '../../test-support/deputy-users.js';
import { DEMO_PASSWORD } from '../../seed/seed-demo-users.js';
import { inputArbitraries } from '../../test-support/input-arbitraries.js';
import { runWriteProperty } from '../../test-support/run-write-property.js';

/**
 * Deputies sign in (invited by the township clerk), submit suggestions and report duties, which count
 * only once the clerk confirms them: then they are real records (an attendance, a reception).
 */

const DEPUTY = 'qunli.deputy.duty';
const extensionsOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions;

const REPORT = 'mutation ($input: ReportDutyInput!) { reportDuty(input: $input) { id state deputyId kind } }';
const CONFIRM =
  'mutation ($id: ID!, $activityId: ID) { confirmDutyReport(id: $id, activityId: $activityId) { id state recordId activityId } }';

describe('deputies sign in, submit suggestions and report duties', () => {
  let t: TestServer;
  let su: pg.Client;
  let me: DeputyPick;
  const count = async (sql: string, params: unknown[]) =>
    Number((await su.query<{ n: string }>(sql, params)).rows[0]!.n);

  beforeAll(async () => {
    t = await startTestServer();
    su = new pg.Client({ connectionString: t.database.url });
    await su.connect();
    me = await pickDeputy(t.database.url, 'QUNLI');
  });

  afterAll(async () => {
    await su.end();
    await t.stop();
  });

  describe('inviteDeputy', () => {
    const invite = (deputyId: string, username: string, as = 'qunli.clerk') =>
      t.graphql<{
        inviteDeputy: {
          activationPath: string;
          user: { login: string; role: string; deputyId: string; townshipId: string };
        };
      }>(
        'mutation ($input: InviteDeputyInput!) { inviteDeputy(input: $input) { activationPath user { login role deputyId townshipId } } }',
        { input: { deputyId, username } },
        { as },
      );

    it('opens a DEPUTY account bound to the deputy; its activation link sets the password and signs it in', async () => {
      const res = await invite(me.deputyId, DEPUTY);
      expect(res.errors).toBeUndefined();
      const path = res.data!.inviteDeputy.activationPath;
      expect(path).toMatch(/^\/activate\/[A-Za-z0-9_-]{20,}$/);
      // Nobody knows the account's password until the deputy sets it.
      const early = await t.graphql(
        'mutation ($input: LoginInput!) { login(input: $input) { token } }',
        { input: { login: DEPUTY, password: DEMO_PASSWORD } },
        { as: null },
      );
      expect(extensionsOf(early)).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
      const activated = await t.graphql<{ activateAccount: { user: { role: string; deputyId: string } } }>(
        'mutation ($input: ActivateAccountInput!) { activateAccount(input: $input) { user { role deputyId } } }',
        { input: { token: path.replace('/activate/', ''), password: DEMO_PASSWORD } },
        { as: null },
      );
      expect(activated.data!.activateAccount.user).toEqual({ role: 'DEPUTY', deputyId: me.deputyId });
      expect(res.data!.inviteDeputy.user).toEqual({
        login: DEPUTY,
        role: 'DEPUTY',
        deputyId: me.deputyId,
        townshipId: me.townshipId,
      });
      const who = await t.graphql<{ me: { role: string; deputyId: string } }>(
        '{ me { role deputyId } }',
        {},
        {
          as: DEPUTY,
        },
      );
      expect(who.data!.me).toEqual({ role: 'DEPUTY', deputyId: me.deputyId });
    });

    it('refuses a second account for the same deputy, a taken login, and another township’s deputy', async () => {
      expect(extensionsOf(await invite(me.deputyId, 'qunli.deputy.again'))).toMatchObject({
        code: 'CONFLICT',
        reason: 'DEPUTY_ALREADY_INVITED',
      });
      const other = await pickDeputy(t.database.url, 'QUNLI', [me.deputyId]);
      expect(extensionsOf(await invite(other.deputyId, 'qunli.clerk'))).toMatchObject({
        code: 'CONFLICT',
        reason: 'LOGIN_TAKEN',
      });
      const simeng = await pickDeputy(t.database.url, 'SIMENG');
      expect(extensionsOf(await invite(simeng.deputyId, 'simeng.by.qunli'))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: ['input', 'deputyId'],
      });
      expect(extensionsOf(await invite(other.deputyId, 'viewer.invites', 'qunli.viewer'))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await count(`select count(*) as n from app_user where role = 'DEPUTY'`, [])).toBe(1);
    });

    it('of two clerks inviting the same deputy at once, one wins', async () => {
      const other = await pickDeputy(t.database.url, 'QUNLI', [me.deputyId]);
      const both = await Promise.all([invite(other.deputyId, 'race.one'), invite(other.deputyId, 'race.two')]);
      expect(both.filter((r) => r.errors === undefined)).toHaveLength(1);
      expect(both.map((r) => extensionsOf(r)?.['reason']).filter(Boolean)).toEqual(['DEPUTY_ALREADY_INVITED']);
      expect(await count('select count(*) as n from app_user where deputy_id = $1', [other.deputyId])).toBe(1);
    });

    it('is not a county admin’s createUser: a deputy account is bound by invitation only', async () => {
      const res = await t.graphql(
        'mutation { createUser(input: { login: "admin.deputy", displayName: "x", password: "a-long-password", role: DEPUTY }) { id } }',
        {},
        { as: 'demo.admin' },
      );
      expect(extensionsOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DEPUTY_USER_BY_INVITATION_ONLY' });
    });
  });

  describe('submitSuggestion', () => {
    it('records the deputy’s suggestion as SUBMITTED, dated today, the deputy its proposer; the clerk sees it', async () => {
      const res = await t.graphql<{
        submitSuggestion: { id: string; state: string; title: string; proposers: { id: string }[] };
      }>(
        'mutation { submitSuggestion(input: { title: "村道路灯亟需维修", category: "城乡建设" }) { id state title proposers { id } } }',
        {},
        { as: DEPUTY },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.submitSuggestion).toMatchObject({
        state: 'SUBMITTED',
        title: '村道路灯亟需维修',
        proposers: [{ id: me.deputyId }],
      });
      const seen = await t.graphql<{ suggestion: { id: string } }>(
        'query ($id: ID!) { suggestion(id: $id) { id } }',
        { id: res.data!.submitSuggestion.id },
        { as: 'qunli.clerk' },
      );
      expect(seen.data!.suggestion.id).toBe(res.data!.submitSuggestion.id);
    });

    it('refuses a blank title and writes nothing', async () => {
      const before = await count('select count(*) as n from suggestion_proposer where deputy_id = $1', [me.deputyId]);
      const res = await t.graphql('mutation { submitSuggestion(input: { title: "   " }) { id } }', {}, { as: DEPUTY });
      expect(extensionsOf(res)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await count('select count(*) as n from suggestion_proposer where deputy_id = $1', [me.deputyId])).toBe(
        before,
      );
    });
  });

  describe('duty reports', () => {
    const report = (input: Record<string, unknown>) =>
      t.graphql<{ reportDuty: { id: string; state: string; deputyId: string } }>(REPORT, { input }, { as: DEPUTY });
    const confirm = (id: string, activityId: string | null = null, as = 'qunli.clerk') =>
      t.graphql<{ confirmDutyReport: { id: string; state: string; recordId: string; activityId: string | null } }>(
        CONFIRM,
        { id, activityId },
        { as },
      );

    it('a reception counts only once confirmed: then it is a voter contact received by the deputy', async () => {
      const made = await report({ kind: 'RECEPTION', occurredOn: '2025-04-08', description: '联络站接待选民三人' });
      expect(made.errors).toBeUndefined();
      expect(made.data!.reportDuty).toMatchObject({ state: 'PENDING', deputyId: me.deputyId });
      const id = made.data!.reportDuty.id;
      const visits = `select count(*) as n from voter_contact where deputy_id = $1 and received_on = '2025-04-08'`;
      expect(await count(visits, [me.deputyId])).toBe(0);
      const pending = await t.graphql<{ dutyReports: { nodes: { id: string; deputy: { id: string } }[] } }>(
        '{ dutyReports(first: 20, filter: { states: [PENDING] }) { nodes { id deputy { id } } } }',
        {},
        { as: 'qunli.clerk' },
      );
      expect(pending.data!.dutyReports.nodes).toContainEqual({ id, deputy: { id: me.deputyId } });
      const done = await confirm(id);
      expect(done.errors).toBeUndefined();
      expect(done.data!.confirmDutyReport.state).toBe('CONFIRMED');
      const contact = await su.query<{ id: string; station_id: string; kind: string }>(
        'select id, station_id, kind from voter_contact where id = $1',
        [done.data!.confirmDutyReport.recordId],
      );
      expect(contact.rows).toEqual([
        { id: done.data!.confirmDutyReport.recordId, station_id: me.stationId, kind: 'VISIT' },
      ]);
      expect(extensionsOf(await confirm(id))).toMatchObject({
        code: 'CONFLICT',
        reason: 'DUTY_REPORT_ALREADY_DECIDED',
      });
      expect(await count(visits, [me.deputyId])).toBe(1);
      const mine = await t.graphql<{ dutyReports: { nodes: { id: string; state: string }[] } }>(
        '{ dutyReports(first: 20) { nodes { id state } } }',
        {},
        { as: DEPUTY },
      );
      expect(mine.data!.dutyReports.nodes).toContainEqual({ id, state: 'CONFIRMED' });
    });

    it('an attended activity becomes the deputy’s attendance (PRESENT) in the activity the clerk names', async () => {
      const activity = (
        await su.query<{ id: string; occurred_on: string }>(
          `select a.id, a.occurred_on::text from activity a where a.township_id = $1
              and not exists (select 1 from activity_participant p where p.activity_id = a.id and p.deputy_id = $2)
            order by a.occurred_on desc, a.id limit 1`,
          [me.townshipId, me.deputyId],
        )
      ).rows[0]!;
      const made = await report({ kind: 'ACTIVITY', occurredOn: activity.occurred_on, description: '参加了集中视察' });
      const id = made.data!.reportDuty.id;
      expect(extensionsOf(await confirm(id))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DUTY_REPORT_ACTIVITY_REQUIRED',
      });
      const done = await confirm(id, activity.id);
      expect(done.errors).toBeUndefined();
      const rows = await su.query<{ id: string; attendance: string }>(
        'select id, attendance from activity_participant where activity_id = $1 and deputy_id = $2',
        [activity.id, me.deputyId],
      );
      expect(rows.rows).toEqual([{ id: done.data!.confirmDutyReport.recordId, attendance: 'PRESENT' }]);
      // Now the deputy is listed in it, so it sees the activity too.
      const seen = await t.graphql<{ activity: { id: string } }>(
        'query ($id: ID!) { activity(id: $id) { id } }',
        {
          id: activity.id,
        },
        { as: DEPUTY },
      );
      expect(seen.data!.activity.id).toBe(activity.id);
    });

    it('of two clerks confirming at once, one makes the record and the other gets a conflict', async () => {
      const made = await report({ kind: 'RECEPTION', occurredOn: '2025-05-13', description: '接待日值班' });
      const id = made.data!.reportDuty.id;
      const both = await Promise.all([confirm(id), confirm(id)]);
      expect(both.filter((r) => r.errors === undefined)).toHaveLength(1);
      expect(both.map((r) => extensionsOf(r)?.['reason']).filter(Boolean)).toEqual(['DUTY_REPORT_ALREADY_DECIDED']);
      expect(
        await count(`select count(*) as n from voter_contact where deputy_id = $1 and received_on = '2025-05-13'`, [
          me.deputyId,
        ]),
      ).toBe(1);
    });

    it('a rejected report makes no record and cannot be confirmed afterwards', async () => {
      const made = await report({ kind: 'RECEPTION', occurredOn: '2025-06-10', description: '接待选民' });
      const id = made.data!.reportDuty.id;
      const rejected = await t.graphql<{ rejectDutyReport: { state: string; decisionNote: string } }>(
        'mutation ($id: ID!) { rejectDutyReport(id: $id, reason: "当天联络站未开放") { state decisionNote } }',
        { id },
        { as: 'qunli.clerk' },
      );
      expect(rejected.data!.rejectDutyReport).toEqual({ state: 'REJECTED', decisionNote: '当天联络站未开放' });
      expect(extensionsOf(await confirm(id))).toMatchObject({ reason: 'DUTY_REPORT_ALREADY_DECIDED' });
      expect(
        await count(`select count(*) as n from voter_contact where deputy_id = $1 and received_on = '2025-06-10'`, [
          me.deputyId,
        ]),
      ).toBe(0);
    });

    it('refuses reports for another deputy, future dates, and confirmations by another township or the deputy', async () => {
      const before = await count('select count(*) as n from duty_report', []);
      expect(
        extensionsOf(
          await report({ kind: 'RECEPTION', occurredOn: '2025-03-01', description: 'x', deputyId: me.coParticipantId }),
        ),
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'DUTY_REPORT_FOR_ANOTHER_DEPUTY' });
      expect(
        extensionsOf(await report({ kind: 'RECEPTION', occurredOn: '2999-01-01', description: 'x' })),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'occurredOn'] });
      expect(await count('select count(*) as n from duty_report', [])).toBe(before);
      const made = await report({ kind: 'RECEPTION', occurredOn: '2025-07-08', description: '接待选民' });
      const id = made.data!.reportDuty.id;
      expect(extensionsOf(await confirm(id, null, 'simeng.clerk'))).toMatchObject({ code: 'NOT_FOUND' });
      expect(extensionsOf(await confirm(id, null, DEPUTY))).toMatchObject({ code: 'FORBIDDEN' });
      const state = await su.query<{ state: string }>('select state from duty_report where id = $1', [id]);
      expect(state.rows[0]!.state).toBe('PENDING');
    });
  });

  describe('random and malformed input (property)', () => {
    const arb = inputArbitraries;
    /** The deputy mostly; sometimes its clerk, a viewer, another township's clerk or county staff. */
    const caller = fc.oneof(
      { weight: 8, arbitrary: fc.constant(DEPUTY) },
      { weight: 2, arbitrary: fc.constantFrom('qunli.clerk', 'qunli.viewer', 'simeng.clerk', 'demo.staff') },
    );

    it('reportDuty and submitSuggestion accept or refuse with a code, write only the caller’s own rows, and refusals write nothing', async () => {
      const otherTownship = await pickDeputy(t.database.url, 'SIMENG');
      const reportsBefore = await count('select count(*) as n from duty_report', []);
      const suggestionsBefore = await count('select count(*) as n from suggestion', []);
      const reports: { id: string; state: string; deputyId: string }[] = [];
      const reportTally = await runWriteProperty<{ id: string; state: string; deputyId: string }>(t, {
        field: 'reportDuty',
        query: REPORT,
        caller,
        variables: fc.record({
          input: arb.record(
            {
              kind: arb.oneOf(['ACTIVITY', 'RECEPTION']),
              occurredOn: arb.date(),
              description: arb.text(300),
              activityId: arb.optional(arb.id([me.sharedActivityId], [otherTownship.sharedActivityId])),
              deputyId: arb.optional(arb.id([me.deputyId], [me.coParticipantId, otherTownship.deputyId])),
            },
            ['kind', 'occurredOn', 'description'],
          ),
        }),
        onAccepted: (row) => reports.push(row),
      });
      const suggestions: { id: string; state: string; proposers: { id: string }[] }[] = [];
      const suggestionTally = await runWriteProperty<{ id: string; state: string; proposers: { id: string }[] }>(t, {
        field: 'submitSuggestion',
        query:
          'mutation ($input: SubmitSuggestionInput!) { submitSuggestion(input: $input) { id state proposers { id } } }',
        caller,
        variables: fc.record({
          input: arb.record(
            {
              kind: arb.oneOf(['SUGGESTION', 'OPINION', 'MOTION']),
              title: arb.text(300),
              category: arb.optional(arb.text(100)),
            },
            ['title'],
          ),
        }),
        onAccepted: (row) => suggestions.push(row),
      });
      for (const tally of [reportTally, suggestionTally]) {
        expect(tally.accepted).toBeGreaterThan(0);
        expect(tally.refused).toBeGreaterThan(0);
      }
      // What was accepted is the deputy's own and waits for the clerk; nothing else was written.
      for (const row of reports) expect(row).toMatchObject({ state: 'PENDING', deputyId: me.deputyId });
      for (const row of suggestions)
        expect(row).toMatchObject({ state: 'SUBMITTED', proposers: [{ id: me.deputyId }] });
      expect(await count('select count(*) as n from duty_report', [])).toBe(reportsBefore + reports.length);
      expect(await count('select count(*) as n from suggestion', [])).toBe(suggestionsBefore + suggestions.length);
    });
  });
});
