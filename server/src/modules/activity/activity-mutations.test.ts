import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { townshipRows, type TownshipRows } from '../../test-support/township-rows.js';
import { expectRefusal } from '../../test-support/expect-refusal.js';
import { auditActions } from '../../test-support/audit-actions.js';
import { inputArbitraries as arb } from '../../test-support/input-arbitraries.js';
import { runWriteProperty } from '../../test-support/run-write-property.js';
import { WriteLedger, lastAuditId, snapshotTables } from '../../test-support/write-ledger.js';
import { chinaToday } from '../../common/validation/china-today.js';

const FIELDS = `id type occurredOn datePrecision title topic place stationId groupId sessionId outcome townshipId provenance
  participants { id deputyId activityId attendance townshipId }`;
const RECORD = `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateActivityInput!) { updateActivity(id: $id, input: $input) { ${FIELDS} } }`;

interface ParticipantRow {
  id: string;
  deputyId: string;
  activityId: string;
  attendance: string;
  townshipId: string;
}
interface ActivityRow {
  id: string;
  title: string;
  topic: string | null;
  occurredOn: string;
  stationId: string | null;
  townshipId: string;
  participants: ParticipantRow[];
}

const TODAY = chinaToday();
const TOMORROW = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface Fixtures {
  own: TownshipRows;
  foreign: TownshipRows;
  /** Active deputies of the clerk's township. */
  deputies: string[];
  /** A deputy of the clerk's township who resigned on 2022-06-30. */
  leftDeputyId: string;
  /** Closed on 2020-06-30. */
  retiredStationId: string;
  retiredGroupId: string;
}

const count = (url: string, table: string) =>
  withDatabaseClient(url, async (su) =>
    Number((await su.query<{ n: string }>(`select count(*) as n from "${table}"`)).rows[0]!.n),
  );

describe('activity mutations', () => {
  let t: TestServer;
  let fx: Fixtures;
  const record = (input: Record<string, unknown>) => t.graphql<{ recordActivity: ActivityRow }>(RECORD, { input });
  const update = (id: string, input: Record<string, unknown>) =>
    t.graphql<{ updateActivity: ActivityRow }>(UPDATE, { id, input });
  const minimal = () => ({ type: 'INSPECTION', occurredOn: '2024-09-10', title: '视察农村道路建设' });
  const newActivity = async (input: Record<string, unknown> = {}) => {
    const res = await record({ ...minimal(), ...input });
    expect(res.errors).toBeUndefined();
    return res.data!.recordActivity;
  };

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
    const own = await townshipRows(t.database.url, 'QUNLI');
    const foreign = await townshipRows(t.database.url, 'SIMENG');
    fx = await withDatabaseClient(t.database.url, async (su) => {
      const deputies = (
        await su.query<{ id: string }>(
          `select id from deputy where township_id = $1 and status = 'ACTIVE' order by id limit 6`,
          [own.townshipId],
        )
      ).rows.map((r) => r.id);
      const leftDeputyId = (
        await su.query<{ id: string }>(
          `insert into deputy (id, township_id, county_id, term_id, name, gender, level, status, status_changed_on)
           values (gen_random_uuid(), $1, $2, $3, '离任代表', 'MALE', 'TOWNSHIP', 'RESIGNED', '2022-06-30') returning id`,
          [own.townshipId, own.countyId, own.termId],
        )
      ).rows[0]!.id;
      const closed = async (table: string) =>
        (
          await su.query<{ id: string }>(
            `insert into "${table}" (id, township_id, county_id, name, retired_on)
             values (gen_random_uuid(), $1, $2, $3, '2020-06-30') returning id`,
            [own.townshipId, own.countyId, `已撤销的${table}`],
          )
        ).rows[0]!.id;
      return {
        own,
        foreign,
        deputies,
        leftDeputyId,
        retiredStationId: await closed('station'),
        retiredGroupId: await closed('deputy_group'),
      };
    });
  });
  afterAll(() => t.stop());

  it('records an activity with its participants, readable afterwards and audited', async () => {
    const [a, b] = fx.deputies;
    const res = await record({
      ...minimal(),
      type: 'RESEARCH_VISIT',
      datePrecision: 'MONTH',
      occurredOn: '2024-05-01',
      topic: '乡村振兴',
      place: '群力村',
      stationId: fx.own.stationId,
      groupId: fx.own.groupId,
      sessionId: fx.own.sessionId,
      outcome: '形成调研报告一份。\n提出建议三条。',
      participants: [{ deputyId: a }, { deputyId: b, attendance: 'EXCUSED' }],
    });
    expect(res.errors).toBeUndefined();
    const activity = res.data!.recordActivity;
    expect(activity).toMatchObject({
      occurredOn: '2024-05-01',
      stationId: fx.own.stationId,
      townshipId: fx.own.townshipId,
    });
    expect(activity.participants.map((p) => [p.deputyId, p.attendance]).sort()).toEqual(
      [
        [a, 'PRESENT'],
        [b, 'EXCUSED'],
      ].sort(),
    );
    const read = await t.graphql<{ activity: ActivityRow }>(`query ($id: ID!) { activity(id: $id) { ${FIELDS} } }`, {
      id: activity.id,
    });
    expect(read.data!.activity).toEqual(activity);
    expect(await auditActions(t.database.url, activity.id)).toEqual(['INSERT by TOWNSHIP_CLERK']);
    for (const participant of activity.participants) {
      expect(await auditActions(t.database.url, participant.id)).toEqual(['INSERT by TOWNSHIP_CLERK']);
    }
  });

  it('updates the given fields and replaces the participants, keeping the rows of deputies still listed', async () => {
    const [a, b, c] = fx.deputies;
    const activity = await newActivity({ topic: '旧主题', participants: [{ deputyId: a }, { deputyId: b }] });
    const kept = activity.participants.find((p) => p.deputyId === a)!;
    const dropped = activity.participants.find((p) => p.deputyId === b)!;
    const res = await update(activity.id, {
      title: '视察（更正）',
      topic: null,
      participants: [
        { deputyId: a, attendance: 'ABSENT' },
        { deputyId: c, attendance: 'PRESENT' },
      ],
    });
    expect(res.errors).toBeUndefined();
    const updated = res.data!.updateActivity;
    expect(updated).toMatchObject({ title: '视察（更正）', topic: null, occurredOn: activity.occurredOn });
    expect(updated.participants.find((p) => p.deputyId === a)).toEqual({ ...kept, attendance: 'ABSENT' });
    expect(updated.participants.map((p) => p.deputyId).sort()).toEqual([a, c].sort());
    expect(await auditActions(t.database.url, dropped.id)).toEqual([
      'INSERT by TOWNSHIP_CLERK',
      'DELETE by TOWNSHIP_CLERK',
    ]);
    const untouched = await update(activity.id, { place: '会议室' });
    expect(untouched.data!.updateActivity.participants).toEqual(updated.participants);
    const cleared = await update(activity.id, { participants: [] });
    expect(cleared.data!.updateActivity.participants).toEqual([]);
  });

  it('writes nothing when one participant is refused (the whole mutation rolls back)', async () => {
    const activities = await count(t.database.url, 'activity');
    const participants = await count(t.database.url, 'activity_participant');
    const res = await record({
      ...minimal(),
      participants: [{ deputyId: fx.deputies[0] }, { deputyId: fx.deputies[1] }, { deputyId: fx.foreign.deputyId }],
    });
    expectRefusal(res, 'BAD_USER_INPUT', ['input', 'participants', 2, 'deputyId']);
    expect(await count(t.database.url, 'activity')).toBe(activities);
    expect(await count(t.database.url, 'activity_participant')).toBe(participants);

    const activity = await newActivity({ participants: [{ deputyId: fx.deputies[0] }] });
    const refused = await update(activity.id, {
      title: '不应保存',
      participants: [{ deputyId: fx.deputies[1] }, { deputyId: fx.leftDeputyId }],
    });
    expectRefusal(refused, 'BAD_USER_INPUT', ['input', 'participants', 1, 'deputyId']);
    const read = await t.graphql<{ activity: ActivityRow }>(`query ($id: ID!) { activity(id: $id) { ${FIELDS} } }`, {
      id: activity.id,
    });
    expect(read.data!.activity).toEqual(activity);
  });

  describe('recordActivity refuses', () => {
    // the reason, where given, is the refusal's exact one; the others need only a well-formed reason
    const cases: [string, (fx: Fixtures) => Record<string, unknown>, string, (string | number)[], string?][] = [
      ['an empty title', () => ({ title: '' }), 'BAD_USER_INPUT', ['input', 'title']],
      ['a title over 300 characters', () => ({ title: '题'.repeat(301) }), 'BAD_USER_INPUT', ['input', 'title']],
      ['a topic over 300 characters', () => ({ topic: '题'.repeat(301) }), 'BAD_USER_INPUT', ['input', 'topic']],
      ['a place over 200 characters', () => ({ place: '地'.repeat(201) }), 'BAD_USER_INPUT', ['input', 'place']],
      [
        'an outcome over 5000 characters',
        () => ({ outcome: '果'.repeat(5001) }),
        'BAD_USER_INPUT',
        ['input', 'outcome'],
      ],
      ['an outcome with NUL', () => ({ outcome: '成效\u0000' }), 'BAD_USER_INPUT', ['input', 'outcome']],
      [
        'a date in the future',
        () => ({ occurredOn: TOMORROW }),
        'BAD_USER_INPUT',
        ['input', 'occurredOn'],
        'RECORD_DATE_OUT_OF_RANGE',
      ],
      ['a date before 1949-10-01', () => ({ occurredOn: '1948-12-31' }), 'BAD_USER_INPUT', ['input', 'occurredOn']],
      [
        'a month-precise date not on the 1st',
        () => ({ datePrecision: 'MONTH', occurredOn: '2024-05-02' }),
        'BAD_USER_INPUT',
        ['input', 'occurredOn'],
        'DATE_NOT_MONTH_START',
      ],
      [
        'a year-precise date not on January 1st',
        () => ({ datePrecision: 'YEAR', occurredOn: '2024-05-01' }),
        'BAD_USER_INPUT',
        ['input', 'occurredOn'],
        'DATE_NOT_YEAR_START',
      ],
      [
        'another township’s station',
        (f) => ({ stationId: f.foreign.stationId }),
        'BAD_USER_INPUT',
        ['input', 'stationId'],
        'NOT_IN_TOWNSHIP',
      ],
      ['another township’s group', (f) => ({ groupId: f.foreign.groupId }), 'BAD_USER_INPUT', ['input', 'groupId']],
      [
        'another township’s session',
        (f) => ({ sessionId: f.foreign.sessionId }),
        'BAD_USER_INPUT',
        ['input', 'sessionId'],
      ],
      [
        'a malformed station id',
        () => ({ stationId: 'station-1' }),
        'BAD_USER_INPUT',
        ['input', 'stationId'],
        'INVALID_UUID',
      ],
      [
        'a station closed before the date',
        (f) => ({ stationId: f.retiredStationId }),
        'BAD_USER_INPUT',
        ['input', 'stationId'],
        'STATION_RETIRED',
      ],
      [
        'a group dissolved before the date',
        (f) => ({ groupId: f.retiredGroupId }),
        'BAD_USER_INPUT',
        ['input', 'groupId'],
        'DEPUTY_GROUP_RETIRED',
      ],
      [
        'a deputy listed twice',
        (f) => ({ participants: [{ deputyId: f.deputies[0] }, { deputyId: f.deputies[0]!.toUpperCase() }] }),
        'BAD_USER_INPUT',
        ['input', 'participants', 1, 'deputyId'],
        'ACTIVITY_PARTICIPANT_TWICE',
      ],
      [
        'another township’s deputy',
        (f) => ({ participants: [{ deputyId: f.foreign.deputyId }] }),
        'BAD_USER_INPUT',
        ['input', 'participants', 0, 'deputyId'],
        'NOT_IN_TOWNSHIP',
      ],
      [
        'an unknown deputy',
        () => ({ participants: [{ deputyId: randomUUID() }] }),
        'BAD_USER_INPUT',
        ['input', 'participants', 0, 'deputyId'],
      ],
      [
        'a malformed deputy id',
        () => ({ participants: [{ deputyId: 'x' }] }),
        'BAD_USER_INPUT',
        ['input', 'participants', 0, 'deputyId'],
      ],
      [
        'a deputy who left before the date',
        (f) => ({ participants: [{ deputyId: f.deputies[0] }, { deputyId: f.leftDeputyId }] }),
        'BAD_USER_INPUT',
        ['input', 'participants', 1, 'deputyId'],
        'DEPUTY_LEFT_OFFICE',
      ],
      [
        'more than 500 participants',
        () => ({ participants: Array.from({ length: 501 }, () => ({ deputyId: randomUUID() })) }),
        'BAD_USER_INPUT',
        ['input', 'participants'],
      ],
    ];
    // a rest parameter: with five named ones jest would take the missing fifth for a `done` callback
    it.each(cases)('%s', async (...[, input, code, field, reason]) => {
      expectRefusal(await record({ ...minimal(), ...input(fx) }), code, field, reason);
    });

    it('accepts a deputy who left after the date, and a station closed after it', async () => {
      await newActivity({
        occurredOn: '2020-06-30',
        stationId: fx.retiredStationId,
        participants: [{ deputyId: fx.leftDeputyId }],
      });
    });
  });

  describe('updateActivity refuses', () => {
    it('null required fields, a mismatched precision, and dates moved past a participant’s leaving', async () => {
      const activity = await newActivity({ occurredOn: '2022-03-01', participants: [{ deputyId: fx.leftDeputyId }] });
      expectRefusal(await update(activity.id, { title: null }), 'BAD_USER_INPUT', ['input', 'title']);
      expectRefusal(await update(activity.id, { type: null }), 'BAD_USER_INPUT', ['input', 'type']);
      expectRefusal(await update(activity.id, { occurredOn: null }), 'BAD_USER_INPUT', ['input', 'occurredOn']);
      expectRefusal(await update(activity.id, { datePrecision: 'YEAR' }), 'BAD_USER_INPUT', ['input', 'datePrecision']);
      expectRefusal(await update(activity.id, { occurredOn: '2023-03-01' }), 'BAD_USER_INPUT', ['input', 'occurredOn']);
      expectRefusal(await update(activity.id, { occurredOn: TOMORROW }), 'BAD_USER_INPUT', ['input', 'occurredOn']);
      expect((await update(activity.id, { datePrecision: 'MONTH' })).errors).toBeUndefined();
    });

    it('a date moved past the closing of its station', async () => {
      const activity = await newActivity({ occurredOn: '2019-01-01', stationId: fx.retiredStationId });
      expectRefusal(
        await update(activity.id, { occurredOn: '2021-01-01' }),
        'BAD_USER_INPUT',
        ['input', 'occurredOn'],
        'STATION_RETIRED',
      );
      expect((await update(activity.id, { occurredOn: '2021-01-01', stationId: null })).errors).toBeUndefined();
    });

    it('another township’s activity (NOT_FOUND) and references to its rows', async () => {
      expectRefusal(await update(fx.foreign.activityId, { title: '越权' }), 'NOT_FOUND', ['id']);
      expectRefusal(await update(fx.own.activityId, { stationId: fx.foreign.stationId }), 'BAD_USER_INPUT', [
        'input',
        'stationId',
      ]);
      expectRefusal(
        await update(fx.own.activityId, { participants: [{ deputyId: fx.foreign.deputyId }] }),
        'BAD_USER_INPUT',
        ['input', 'participants', 0, 'deputyId'],
      );
    });
  });

  it('property: random and malformed inputs are accepted or refused with a code, and only accepted writes are stored', async () => {
    const ledger = new WriteLedger();
    const before = await snapshotTables(t.database.url, ['activity', 'activity_participant']);
    const auditMark = await lastAuditId(t.database.url);
    const accept = ({ participants, ...row }: ActivityRow) => {
      ledger.accept('activity', row);
      ledger.acceptChildren('activity_participant', 'activity_id', row.id, participants);
    };
    const { own, foreign } = fx;
    const participant = arb.record(
      {
        deputyId: arb.id([...fx.deputies, fx.leftDeputyId], [foreign.deputyId]),
        attendance: arb.oneOf(['PRESENT', 'EXCUSED', 'ABSENT']),
      },
      ['deputyId'],
    );
    const fields = {
      type: arb.oneOf(['INSPECTION', 'STUDY', 'VOTER_RECEPTION', 'CONGRESS_SESSION']),
      occurredOn: arb.date(),
      datePrecision: {
        valid: fc.constant('DAY'),
        invalid: fc.oneof(fc.constantFrom('MONTH', 'YEAR', 'WEEK'), arb.junk),
      },
      title: arb.text(300),
      topic: arb.optional(arb.text(300)),
      place: arb.optional(arb.text(200)),
      stationId: arb.optional(arb.id([own.stationId], [foreign.stationId, fx.retiredStationId])),
      groupId: arb.optional(arb.id([own.groupId], [foreign.groupId, fx.retiredGroupId])),
      sessionId: arb.optional(arb.id([own.sessionId], [foreign.sessionId])),
      outcome: arb.optional(arb.text(5000)),
      participants: {
        valid: fc.array(participant, { maxLength: 4 }),
        invalid: fc.oneof(fc.array(participant, { minLength: 2, maxLength: 6 }), arb.junk),
      },
    };
    const created: string[] = [];
    const tallies = [
      await runWriteProperty<ActivityRow>(t, {
        field: 'recordActivity',
        query: RECORD,
        variables: fc.record({ input: arb.record(fields, ['type', 'occurredOn', 'title']) }),
        onAccepted: (row) => {
          accept(row);
          created.push(row.id);
        },
      }),
    ];
    tallies.push(
      await runWriteProperty<ActivityRow>(t, {
        field: 'updateActivity',
        query: UPDATE,
        variables: fc.record({
          id: arb.arg(arb.id([own.activityId, ...created.slice(0, 8)], [foreign.activityId])),
          input: arb.record({ ...fields, participants: arb.optional(fields.participants) }),
        }),
        onAccepted: accept,
      }),
    );
    for (const tally of tallies) {
      expect(tally.accepted).toBeGreaterThan(0);
      expect(tally.refused).toBeGreaterThan(0);
    }
    await ledger.expectDatabase(t.database.url, before);
    await ledger.expectAuditedOnly(t.database.url, auditMark, before);
  });
});
