import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';

interface Event {
  kind: string;
  actorId: string;
  actorName: string | null;
  revision: number | null;
  reason: string | null;
}
interface Note {
  id: string;
  kind: string;
  year: number;
  quarter: number;
  reason: string | null;
  reportId: string | null;
  sentByName: string | null;
  readAt: string | null;
}

const reasonOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['reason'];
const NOTE = 'id kind year quarter reason reportId sentByName readAt';

/**
 * The county's review trail and its messages to townships: every event of a report with its actor, the
 * in-app notifications a return and a reminder leave, who may read and mark them, and the reminder limit
 * under concurrency.
 */
describe('report events, reminders and notifications', () => {
  let t: TestServer;
  let keyCounter = 0;
  const townships = new Map<string, string>();
  const sql = async <R extends object>(text: string, params: unknown[] = []) =>
    (await withDatabaseClient(t.database.url, (su) => su.query<R>(text, params))).rows;

  const submit = (year: number, quarter: number, expectedVersion: number, extra: Record<string, unknown> = {}) =>
    t.graphql<{ submitQuarterlyReport: { report: { id: string; version: number } } }>(
      `mutation ($input: SubmitQuarterlyReportInput!) { submitQuarterlyReport(input: $input) { report { id version } } }`,
      {
        input: {
          year,
          quarter,
          idempotencyKey: `notification-test-${(keyCounter += 1)}`,
          expectedVersion,
          values: [],
          ...extra,
        },
      },
      { as: 'qunli.clerk' },
    );
  const review = (kind: 'accept' | 'return', id: string, v: number, reason = '') =>
    t.graphql<Record<string, { version: number }>>(
      kind === 'accept'
        ? 'mutation ($id: ID!, $v: Int!) { acceptQuarterlyReport(id: $id, expectedVersion: $v) { version } }'
        : 'mutation ($id: ID!, $v: Int!, $r: String!) { returnQuarterlyReport(id: $id, expectedVersion: $v, reason: $r) { version } }',
      { id, v, r: reason },
      { as: 'demo.staff' },
    );
  const feed = (as: string) =>
    t.graphql<{ notifications: { unreadCount: number; nodes: Note[] } }>(
      `{ notifications(first: 50) { unreadCount nodes { ${NOTE} } } }`,
      {},
      { as },
    );
  const remind = (year: number, quarter: number, ids: string[]) =>
    t.graphql<{ remindTownships: Note[] }>(
      `mutation ($y: Int!, $q: Int!, $ids: [ID!]!) { remindTownships(year: $y, quarter: $q, townshipIds: $ids) { ${NOTE} } }`,
      { y: year, q: quarter, ids },
      { as: 'demo.staff' },
    );

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.staff' });
    for (const row of await sql<{ id: string; name: string }>('select id, name from township')) {
      townships.set(row.name, row.id);
    }
  });
  afterAll(() => t.stop());

  it('lists submitted, returned, corrected and accepted with the actors’ display names, oldest first', async () => {
    const first = await submit(2024, 2, 0);
    expect(first.errors).toBeUndefined();
    const { id } = first.data!.submitQuarterlyReport.report;
    const returned = await review('return', id, 1, '数据有误，请核对代表活动次数');
    expect(returned.errors).toBeUndefined();
    const again = await submit(2024, 2, 2);
    expect(again.errors).toBeUndefined();
    expect((await review('accept', id, 3)).errors).toBeUndefined();

    // events before revisions in one query: both share the revisions' loader, and each keeps its own order
    const res = await t.graphql<{ quarterlyReport: { events: Event[]; revisions: { revision: number }[] } }>(
      'query ($id: ID!) { quarterlyReport(id: $id) { events { kind actorId actorName revision reason } revisions { revision } } }',
      { id },
      { as: 'qunli.viewer' },
    );
    expect(res.errors).toBeUndefined();
    const names = new Map(
      (await sql<{ id: string; display_name: string }>('select id, display_name from app_user')).map((u) => [
        u.id,
        u.display_name,
      ]),
    );
    const staff = (await sql<{ id: string }>(`select id from app_user where login = 'demo.staff'`))[0]!.id;
    const clerk = (await sql<{ id: string }>(`select id from app_user where login = 'qunli.clerk'`))[0]!.id;
    const events = res.data!.quarterlyReport.events;
    expect(events.map((e) => [e.kind, e.actorId, e.revision, e.reason])).toEqual([
      ['SUBMITTED', clerk, 1, null],
      ['RETURNED', staff, null, '数据有误，请核对代表活动次数'],
      ['CORRECTED', clerk, 2, null],
      ['ACCEPTED', staff, null, null],
    ]);
    for (const e of events) expect(e.actorName).toBe(names.get(e.actorId));
    expect(res.data!.quarterlyReport.revisions.map((r) => r.revision)).toEqual([2, 1]);
    expect(names.get(staff)).toBeTruthy();
  });

  it('tells the township of a return; another township neither reads nor marks it; only the clerk marks it read', async () => {
    const sent = await submit(2024, 3, 0);
    const { id } = sent.data!.submitQuarterlyReport.report;
    expect((await review('return', id, 1, '请补充选民接待数据')).errors).toBeUndefined();

    const before = await feed('qunli.clerk');
    const note = before.data!.notifications.nodes.find((n) => n.reportId === id)!;
    expect(note).toMatchObject({
      kind: 'REPORT_RETURNED',
      year: 2024,
      quarter: 3,
      reason: '请补充选民接待数据',
      readAt: null,
    });
    expect(note.sentByName).toBeTruthy();
    expect((await feed('qunli.viewer')).data!.notifications.nodes.map((n) => n.id)).toContain(note.id);

    const other = await feed('simeng.clerk');
    expect(other.errors).toBeUndefined();
    expect(other.data!.notifications.nodes.map((n) => n.id)).not.toContain(note.id);
    const mark = (as: string) =>
      t.graphql<{ markNotificationsRead: Note[] }>(
        `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id readAt } }`,
        { ids: [note.id] },
        { as },
      );
    expect(reasonOf(await mark('simeng.clerk'))).toBe('NOTIFICATION_NOT_FOUND');
    expect(reasonOf(await mark('qunli.viewer'))).toBe('ROLE_FORBIDDEN');
    const marked = await mark('qunli.clerk');
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markNotificationsRead[0]!.readAt).not.toBeNull();
    expect((await feed('qunli.clerk')).data!.notifications.unreadCount).toBe(
      before.data!.notifications.unreadCount - 1,
    );
    const stored = await sql<{ read_at: Date | null }>('select read_at from notification where id = $1', [note.id]);
    expect(stored[0]!.read_at).not.toBeNull();
  });

  it('reminds a late township once a day, refuses one that submitted, and writes nothing on a refusal', async () => {
    // 2026 Q1 (deadline 2026-04-10) is long past: qunli submits it, the others have not.
    const qunli = townships.get('群利镇')!;
    const pending = await sql<{ id: string }>(
      `select t.id from township t where not exists (select 1 from quarterly_report r where r.township_id = t.id
         and r.year = 2026 and r.quarter = 1 and r.state in ('SUBMITTED', 'ACCEPTED'))`,
    );
    const simeng = pending.map((p) => p.id).find((id) => id !== qunli)!;
    expect(simeng).toBeDefined();
    const existing = await sql<{ version: number }>(
      'select version from quarterly_report where township_id = $1 and year = 2026 and quarter = 1',
      [qunli],
    );
    expect((await submit(2026, 1, existing[0]?.version ?? 0)).errors).toBeUndefined();

    const notLate = await remind(2026, 1, [simeng, qunli]);
    expect(reasonOf(notLate)).toBe('REMINDER_NOT_LATE');
    expect(notLate.errors![0]!.extensions!['field']).toEqual(['townshipIds', 1]);
    const count = async () =>
      Number(
        (
          await sql<{ n: string }>(
            `select count(*) as n from notification where kind = 'REPORT_REMINDER' and year = 2026 and quarter = 1`,
          )
        )[0]!.n,
      );
    expect(await count()).toBe(0);

    const ok = await remind(2026, 1, [simeng]);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.remindTownships).toHaveLength(1);
    const again = await remind(2026, 1, [simeng]);
    expect(reasonOf(again)).toBe('REMINDER_TOO_SOON');
    expect(await count()).toBe(1);

    const status = await t.graphql<{ reminderStatus: { townshipId: string; quarter: number }[] }>(
      '{ reminderStatus(year: 2026) { townshipId quarter lastRemindedAt nextAllowedAt } }',
    );
    expect(status.data!.reminderStatus).toContainEqual(expect.objectContaining({ townshipId: simeng, quarter: 1 }));
    const clerkLogin = (
      await sql<{ login: string }>(`select login from app_user where township_id = $1 and role = 'TOWNSHIP_CLERK'`, [
        simeng,
      ])
    )[0]!.login;
    const seen = await feed(clerkLogin);
    expect(seen.data!.notifications.nodes).toContainEqual(
      expect.objectContaining({ kind: 'REPORT_REMINDER', year: 2026, quarter: 1 }),
    );
  });

  it('lets only one of two simultaneous reminders of a township through', async () => {
    const late = await sql<{ id: string }>(
      `select t.id from township t where not exists (select 1 from quarterly_report r where r.township_id = t.id
         and r.year = 2026 and r.quarter = 2 and r.state in ('SUBMITTED', 'ACCEPTED')) order by t.id limit 1`,
    );
    const target = late[0]!.id;
    const results = await Promise.all([remind(2026, 2, [target]), remind(2026, 2, [target])]);
    const reasons = results.map((r) => (r.errors ? reasonOf(r) : 'OK')).sort();
    expect(reasons).toEqual(['OK', 'REMINDER_TOO_SOON']);
    const rows = await sql<{ n: string }>(
      `select count(*) as n from notification where kind = 'REPORT_REMINDER' and township_id = $1 and year = 2026 and quarter = 2`,
      [target],
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('refuses reminders, a forged review action and a forged notification to every role but county staff', async () => {
    const target = [...townships.values()][0]!;
    for (const as of ['qunli.clerk', 'qunli.viewer', 'demo.analyst', 'demo.admin']) {
      const res = await t.graphql(
        'mutation ($ids: [ID!]!) { remindTownships(year: 2026, quarter: 2, townshipIds: $ids) { id } }',
        { ids: [target] },
        { as },
      );
      expect(reasonOf(res)).toBe('ROLE_FORBIDDEN');
    }
    // Straight at the database as the application role with a clerk's identity: row-level security refuses.
    const clerk = (
      await sql<{ id: string; county_id: string; township_id: string }>(
        `select id, county_id, township_id from app_user where login = 'qunli.clerk'`,
      )
    )[0]!;
    const report = (
      await sql<{ id: string }>('select id from quarterly_report where township_id = $1 limit 1', [clerk.township_id])
    )[0]!;
    const asClerk = (statement: string) =>
      withDatabaseClient(t.database.url, async (su) => {
        await su.query('begin');
        try {
          await su.query('set local role renda_app');
          await su.query(
            `select set_config('renda.user_id', $1, true), set_config('renda.role', 'TOWNSHIP_CLERK', true),
                    set_config('renda.county_id', $2, true), set_config('renda.township_id', $3, true)`,
            [clerk.id, clerk.county_id, clerk.township_id],
          );
          await su.query(statement, [clerk.township_id, clerk.county_id, report.id, clerk.id]);
          return 'inserted';
        } catch (error) {
          return (error as { code?: string }).code;
        } finally {
          await su.query('rollback');
        }
      });
    expect(
      await asClerk(
        `insert into quarterly_report_review_action (id, township_id, county_id, report_id, outcome, reviewed_by, reviewed_at, version)
         values (gen_random_uuid(), $1, $2, $3, 'ACCEPTED', $4, now(), 9)`,
      ),
    ).toBe('42501');
    expect(
      await asClerk(
        `insert into notification (id, township_id, county_id, kind, year, quarter, report_id, sent_by)
         values (gen_random_uuid(), $1, $2, 'REPORT_REMINDER', 2026, 1, $3, $4)`,
      ),
    ).toBe('42501');
  });
});
