import pg from 'pg';
import { startTestServer, type GraphQLResponse, type TestServer } from '../test-support/test-server.js';
import { inviteTestDeputy, pickDeputy, type DeputyPick } from '../test-support/deputy-users.js';
import { ROLE_RULES } from '../test-support/role-rules.js';

/**
 * A signed-in deputy (role DEPUTY) sees its own records and nothing of other deputies but their names
 * in shared activities, by any path: by id, through nested lists, through the analytics operations, and
 * in the database itself under the deputy's settings. Expected rows are read as superuser.
 */

const ME = 'qunli.deputy.iso';
const codeOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['code'];

describe('the DEPUTY role sees only its own records', () => {
  let t: TestServer;
  let su: pg.Client;
  let me: DeputyPick;
  let phones: { mine: string; other: string };

  beforeAll(async () => {
    t = await startTestServer();
    me = await pickDeputy(t.database.url, 'QUNLI');
    await inviteTestDeputy(t, 'qunli.clerk', ME, me.deputyId);
    su = new pg.Client({ connectionString: t.database.url });
    await su.connect();
    const phone = async (id: string) =>
      (await su.query<{ phone: string }>('select phone from deputy where id = $1', [id])).rows[0]!.phone;
    phones = { mine: await phone(me.deputyId), other: await phone(me.coParticipantId) };
  });

  afterAll(async () => {
    await su.end();
    await t.stop();
  });

  const truth = async (sql: string, params: unknown[] = []) =>
    (await su.query<{ id: string }>(sql, params)).rows.map((r) => r.id).sort();

  it('reads its own archive and points as the clerk sees them, and nobody else’s, nor any ranking', async () => {
    // a year in which the deputy took part in an activity (its shared one)
    const [{ year }] = (
      await su.query<{ year: number }>(
        'select extract(year from occurred_on)::int as year from activity where id = $1',
        [me.sharedActivityId],
      )
    ).rows as [{ year: number }];
    const query = `query ($id: ID!, $year: Int!) { deputy(id: $id) { archive(year: $year) { items { record { id } } } performance(year: $year) { total items { points } } } }`;
    const mine = await t.graphql<{
      deputy: { archive: { items: { record: { id: string } }[] }; performance: { total: number | null } };
    }>(query, { id: me.deputyId, year }, { as: ME });
    expect(mine.errors).toBeUndefined();
    // The same archive and total the deputy's clerk reads: row-level security hides none of its own records.
    const clerk = await t.graphql<typeof mine.data>(query, { id: me.deputyId, year }, { as: 'qunli.clerk' });
    expect(clerk.errors).toBeUndefined();
    expect(mine.data).toEqual(clerk.data);
    expect(mine.data!.deputy.archive.items.length).toBeGreaterThan(0);

    const other = await t.graphql(query, { id: me.coParticipantId, year }, { as: ME });
    expect(codeOf(other)).toBe('NOT_FOUND');
    const ranking = await t.graphql(
      'query ($id: ID!) { township(id: $id) { performanceRanking(year: 2024) { __typename } } }',
      { id: me.townshipId },
      { as: ME },
    );
    expect(ranking.errors).toBeDefined();
    expect(ranking.data?.['township'] ?? null).toBeNull();
  });

  it('reads its own deputy row, phone included, and no other deputy by id or list', async () => {
    const own = await t.graphql<{ deputy: { id: string; name: string; contactPhone: string } }>(
      'query ($id: ID!) { deputy(id: $id) { id name contactPhone } }',
      { id: me.deputyId },
      { as: ME },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.deputy.contactPhone).toBe(phones.mine);
    const other = await t.graphql(
      'query ($id: ID!) { deputy(id: $id) { id contactPhone } }',
      { id: me.coParticipantId },
      {
        as: ME,
      },
    );
    expect(codeOf(other)).toBe('NOT_FOUND');
    expect(JSON.stringify(other)).not.toContain(phones.other);
    const list = await t.graphql<{ deputies: { totalCount: number; nodes: { id: string }[] } }>(
      '{ deputies(first: 200) { totalCount nodes { id } } }',
      {},
      { as: ME },
    );
    expect(list.data!.deputies).toEqual({ totalCount: 1, nodes: [{ id: me.deputyId }] });
  });

  it('finds no other deputy through nested lists (station, township, group, activities, suggestions)', async () => {
    const res = await t.graphql<{
      deputy: {
        station: { deputies: { totalCount: number; nodes: { id: string }[] } };
        township: {
          deputies: { totalCount: number; nodes: { id: string }[] };
          suggestions: { totalCount: number };
          activities: { totalCount: number };
        };
        suggestions: { nodes: { proposers: { id: string }[] }[] };
        activities: { nodes: { id: string; participants: { deputyId: string }[] }[] };
      };
    }>(
      `query ($id: ID!) { deputy(id: $id) {
         station { deputies(first: 100) { totalCount nodes { id } } }
         township { deputies(first: 100) { totalCount nodes { id } } suggestions(first: 0) { totalCount } activities(first: 0) { totalCount } }
         suggestions(first: 100) { nodes { proposers { id contactPhone } } }
         activities(first: 100) { nodes { id participants { deputyId attendance } } }
       } }`,
      { id: me.deputyId },
      { as: ME },
    );
    expect(res.errors).toBeUndefined();
    const d = res.data!.deputy;
    expect(d.station.deputies.nodes).toEqual([{ id: me.deputyId }]);
    expect(d.township.deputies.nodes).toEqual([{ id: me.deputyId }]);
    const ownSuggestions = await truth('select suggestion_id as id from suggestion_proposer where deputy_id = $1', [
      me.deputyId,
    ]);
    const ownActivities = await truth('select activity_id as id from activity_participant where deputy_id = $1', [
      me.deputyId,
    ]);
    expect(d.township.suggestions.totalCount).toBe(ownSuggestions.length);
    expect(d.township.activities.totalCount).toBe(ownActivities.length);
    expect(d.suggestions.nodes.flatMap((s) => s.proposers.map((p) => p.id))).toEqual(
      d.suggestions.nodes.map(() => me.deputyId),
    );
    expect(d.activities.nodes.map((a) => a.id).sort()).toEqual(ownActivities);
    for (const activity of d.activities.nodes)
      expect(activity.participants).toEqual([expect.objectContaining({ deputyId: me.deputyId })]);
    expect(JSON.stringify(res)).not.toContain(phones.other);
  });

  it('sees the names, and only the names, of the others in its own activities', async () => {
    const res = await t.graphql<{ activity: { participantNames: { deputyId: string; name: string }[] } }>(
      'query ($id: ID!) { activity(id: $id) { participantNames { deputyId name } participants { deputyId } } }',
      { id: me.sharedActivityId },
      { as: ME },
    );
    expect(res.errors).toBeUndefined();
    const expected = (
      await su.query<{ deputy_id: string; name: string }>(
        `select p.deputy_id, d.name from activity_participant p join deputy d on d.id = p.deputy_id
          where p.activity_id = $1 order by d.name, p.deputy_id`,
        [me.sharedActivityId],
      )
    ).rows.map((r) => ({ deputyId: r.deputy_id, name: r.name }));
    expect(res.data!.activity.participantNames).toEqual(expected);
    expect(expected.map((p) => p.deputyId)).toContain(me.coParticipantId);
    expect(JSON.stringify(res)).not.toContain(phones.other);
    // An activity it did not take part in is not found, nor are its participants' names.
    const foreign = (
      await su.query<{ id: string }>(
        `select a.id from activity a where a.township_id = $1
            and not exists (select 1 from activity_participant p where p.activity_id = a.id and p.deputy_id = $2)
            and exists (select 1 from activity_participant p where p.activity_id = a.id) order by a.id limit 1`,
        [me.townshipId, me.deputyId],
      )
    ).rows[0]!.id;
    const hidden = await t.graphql(
      'query ($id: ID!) { activity(id: $id) { participantNames { name } } }',
      { id: foreign },
      {
        as: ME,
      },
    );
    expect(codeOf(hidden)).toBe('NOT_FOUND');
  });

  it('sees its own station (for the reception days), no other', async () => {
    const stations = await t.graphql<{ stations: { nodes: { id: string }[] } }>(
      '{ stations(first: 100) { nodes { id receptionSchedule scheduleKind } } }',
      {},
      { as: ME },
    );
    expect(stations.data!.stations.nodes.map((s) => s.id)).toEqual([me.stationId]);
  });

  it('is FORBIDDEN every analytics, explorer and workflow operation not meant for it', async () => {
    const qunli = (
      await su.query<{ id: string; county_id: string }>(`select id, county_id from township where code = 'QUNLI'`)
    ).rows[0]!;
    const vars: Record<string, string> = { county: qunli.county_id, township: qunli.id, id: me.deputyId };
    const refused: string[] = [];
    for (const [name, rule] of Object.entries(ROLE_RULES)) {
      if (rule.allowed.includes('qunli.deputy')) continue;
      const used = Object.fromEntries(Object.entries(vars).filter(([key]) => rule.document.includes(`$${key}`)));
      const res = await t.graphql(rule.document, used, { as: ME });
      if (codeOf(res) === 'FORBIDDEN') refused.push(name);
    }
    expect(refused.sort()).toEqual(
      Object.entries(ROLE_RULES)
        .filter(([, rule]) => !rule.allowed.includes('qunli.deputy'))
        .map(([name]) => name)
        .sort(),
    );
    for (const query of [
      '{ townships(first: 5) { totalCount } }',
      '{ counties(first: 5) { totalCount } }',
      '{ voterContacts(first: 5) { totalCount } }',
      '{ elections(first: 5) { totalCount } }',
      '{ terms(first: 5) { totalCount } }',
      '{ users { login } }',
      '{ metricDefinitions { key } }',
    ]) {
      expect([query, codeOf(await t.graphql(query, {}, { as: ME }))]).toEqual([query, 'FORBIDDEN']);
    }
  });

  it('in the database, under its own settings, sees nothing of any table but its own rows', async () => {
    const app = new pg.Client({ connectionString: t.database.appUrl });
    await app.connect();
    const userId = (await su.query<{ id: string }>('select id from app_user where login = $1', [ME])).rows[0]!.id;
    const tables = (
      await su.query<{ table_name: string }>(
        `select table_name from information_schema.columns
          where table_schema = 'public' and column_name = 'township_id' and table_name <> 'audit_log'
            and table_name in (select table_name from information_schema.tables where table_type = 'BASE TABLE')
          order by table_name`,
      )
    ).rows.map((r) => r.table_name);
    const own: Record<string, string[]> = {
      deputy: [me.deputyId],
      station: [me.stationId],
      term: await truth('select term_id as id from deputy where id = $1', [me.deputyId]),
      deputy_group: await truth('select group_id as id from deputy where id = $1 and group_id is not null', [
        me.deputyId,
      ]),
      activity: await truth('select activity_id as id from activity_participant where deputy_id = $1', [me.deputyId]),
      activity_participant: await truth('select id from activity_participant where deputy_id = $1', [me.deputyId]),
      suggestion: await truth('select suggestion_id as id from suggestion_proposer where deputy_id = $1', [
        me.deputyId,
      ]),
      suggestion_proposer: await truth('select id from suggestion_proposer where deputy_id = $1', [me.deputyId]),
      app_user: [userId],
      duty_report: await truth('select id from duty_report where deputy_id = $1', [me.deputyId]),
      // what its archive is computed from besides (Migration20261206211000_deputy_archive_access)
      deputy_report: await truth('select id from deputy_report where deputy_id = $1', [me.deputyId]),
      voter_contact: await truth('select id from voter_contact where deputy_id = $1', [me.deputyId]),
      record_coverage: await truth('select id from record_coverage where township_id = $1', [me.townshipId]),
    };
    const seen: Record<string, string[]> = {};
    try {
      await app.query('begin');
      await app.query(
        `select set_config('renda.user_id', $1, true), set_config('renda.role', 'DEPUTY', true),
                set_config('renda.county_id', $2, true), set_config('renda.township_id', '', true),
                set_config('renda.deputy_id', $3, true)`,
        [userId, me.countyId, me.deputyId],
      );
      for (const table of tables) {
        seen[table] = (await app.query<{ id: string }>(`select id::text as id from "${table}"`)).rows
          .map((r) => r.id)
          .sort();
      }
      // Even with the township set as a clerk's would be, the DEPUTY role opens nothing beyond its own
      // rows: renda_township() is null for it, so the other roles' township policies stay closed.
      await app.query(`select set_config('renda.township_id', $1, true)`, [me.townshipId]);
      expect((await app.query(`select id from deputy`)).rows).toEqual([{ id: me.deputyId }]);
      expect((await app.query(`select id::text as id from voter_contact order by id`)).rows.map((r) => r.id)).toEqual(
        own['voter_contact'],
      );
    } finally {
      await app.query('rollback');
      await app.end();
    }
    expect(tables).toEqual(expect.arrayContaining(['deputy', 'activity', 'voter_contact', 'quarterly_report']));
    for (const table of tables) expect([table, seen[table]]).toEqual([table, own[table] ?? []]);
  });

  it('cannot insert a suggestion or a duty report for another deputy in the database', async () => {
    const res = await t.graphql<{ reportDuty: { id: string } }>(
      'mutation ($input: ReportDutyInput!) { reportDuty(input: $input) { id } }',
      {
        input: {
          kind: 'RECEPTION',
          occurredOn: '2025-03-01',
          description: '替别人报告',
          deputyId: me.coParticipantId,
        },
      },
      { as: ME },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DUTY_REPORT_FOR_ANOTHER_DEPUTY' });
    const app = new pg.Client({ connectionString: t.database.appUrl });
    await app.connect();
    const userId = (await su.query<{ id: string }>('select id from app_user where login = $1', [ME])).rows[0]!.id;
    try {
      await app.query('begin');
      await app.query(
        `select set_config('renda.user_id', $1, true), set_config('renda.role', 'DEPUTY', true),
                set_config('renda.county_id', $2, true), set_config('renda.deputy_id', $3, true)`,
        [userId, me.countyId, me.deputyId],
      );
      await expect(
        app.query(
          `insert into duty_report (id, township_id, county_id, deputy_id, kind, occurred_on, description)
           values (gen_random_uuid(), $1, $2, $3, 'RECEPTION', '2025-03-01', 'x')`,
          [me.townshipId, me.countyId, me.coParticipantId],
        ),
      ).rejects.toMatchObject({ code: '42501' });
    } finally {
      await app.query('rollback');
      await app.end();
    }
    const rows = await su.query('select 1 from duty_report where deputy_id = $1', [me.coParticipantId]);
    expect(rows.rowCount).toBe(0);
  });
});
