import fc from 'fast-check';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { townshipRows, type TownshipRows } from '../../test-support/township-rows.js';
import { expectRefusal } from '../../test-support/expect-refusal.js';
import { auditActions } from '../../test-support/audit-actions.js';
import { inputArbitraries as arb } from '../../test-support/input-arbitraries.js';
import { runWriteProperty } from '../../test-support/run-write-property.js';
import { WriteLedger, lastAuditId, snapshotTables } from '../../test-support/write-ledger.js';
import { chinaToday } from '../../common/validation/china-today.js';

const FIELDS = `id name kind village address openedOn receptionSchedule scheduleKind scheduleDayOfMonth scheduleWeekday
  scheduleWeekOfMonth deputiesPerReception retiredOn townshipId provenance`;
const CREATE = `mutation ($input: CreateStationInput!) { createStation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateStationInput!) { updateStation(id: $id, input: $input) { ${FIELDS} } }`;
const RETIRE = `mutation ($id: ID!, $on: LocalDate!) { retireStation(id: $id, on: $on) { ${FIELDS} } }`;

interface StationRow {
  id: string;
  name: string;
  scheduleKind: string | null;
  scheduleWeekday: number | null;
  retiredOn: string | null;
  townshipId: string;
}

const TODAY = chinaToday();
const TOMORROW = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('station mutations', () => {
  let t: TestServer;
  let own: TownshipRows;
  let foreign: TownshipRows;
  let takenName: string;
  let serial = 0;
  const create = (input: Record<string, unknown>) => t.graphql<{ createStation: StationRow }>(CREATE, { input });
  const update = (id: string, input: Record<string, unknown>) =>
    t.graphql<{ updateStation: StationRow }>(UPDATE, { id, input });
  const retire = (id: string, on: string) => t.graphql<{ retireStation: StationRow }>(RETIRE, { id, on });
  const newStation = async (input: Record<string, unknown> = {}) => {
    const res = await create({ name: `测试联络站${++serial}`, ...input });
    expect(res.errors).toBeUndefined();
    return res.data!.createStation;
  };

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
    own = await townshipRows(t.database.url, 'QUNLI');
    foreign = await townshipRows(t.database.url, 'SIMENG');
    takenName = (
      await withDatabaseClient(t.database.url, (su) =>
        su.query<{ name: string }>('select name from station where id = $1', [own.stationId]),
      )
    ).rows[0]!.name;
  });
  afterAll(() => t.stop());

  it('creates a station with its schedule, readable afterwards and audited', async () => {
    const res = await create({
      name: '新村人大代表联络站',
      kind: 'ACTIVITY_STATION',
      village: '新村',
      address: '新村村委会二楼',
      openedOn: '2023-03-01',
      receptionSchedule: '每月第二周星期三上午',
      scheduleKind: 'MONTHLY_NTH_WEEKDAY',
      scheduleWeekday: 3,
      scheduleWeekOfMonth: 2,
      deputiesPerReception: 3,
    });
    expect(res.errors).toBeUndefined();
    const station = res.data!.createStation;
    expect(station).toMatchObject({ name: '新村人大代表联络站', retiredOn: null, townshipId: own.townshipId });
    const read = await t.graphql<{ station: StationRow }>(`query ($id: ID!) { station(id: $id) { ${FIELDS} } }`, {
      id: station.id,
    });
    expect(read.data!.station).toEqual(station);
    expect(await auditActions(t.database.url, station.id)).toEqual(['INSERT by TOWNSHIP_CLERK']);
  });

  it('updates the given fields and checks the schedule as it will be stored', async () => {
    const station = await newStation({ scheduleKind: 'MONTHLY_LAST_WEEKDAY', scheduleWeekday: 2, village: '老村' });
    expectRefusal(await update(station.id, { scheduleKind: 'MONTHLY_DAY' }), 'BAD_USER_INPUT', [
      'input',
      'scheduleWeekday',
    ]);
    const res = await update(station.id, {
      scheduleKind: 'MONTHLY_DAY',
      scheduleWeekday: null,
      scheduleDayOfMonth: 10,
      village: null,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateStation).toMatchObject({
      scheduleKind: 'MONTHLY_DAY',
      scheduleWeekday: null,
      name: station.name,
    });
    expect(await auditActions(t.database.url, station.id)).toHaveLength(2);
  });

  describe('createStation refuses', () => {
    const cases: [string, Record<string, unknown>, string, (string | number)[]][] = [
      ['an empty name', { name: '' }, 'BAD_USER_INPUT', ['input', 'name']],
      ['a name over 200 characters', { name: '站'.repeat(201) }, 'BAD_USER_INPUT', ['input', 'name']],
      ['a village over 100 characters', { village: '村'.repeat(101) }, 'BAD_USER_INPUT', ['input', 'village']],
      ['an address over 300 characters', { address: '址'.repeat(301) }, 'BAD_USER_INPUT', ['input', 'address']],
      [
        'a schedule text over 200 characters',
        { receptionSchedule: '日'.repeat(201) },
        'BAD_USER_INPUT',
        ['input', 'receptionSchedule'],
      ],
      ['an opening in the future', { openedOn: TOMORROW }, 'BAD_USER_INPUT', ['input', 'openedOn']],
      ['an opening before 1949-10-01', { openedOn: '1949-01-01' }, 'BAD_USER_INPUT', ['input', 'openedOn']],
      [
        'day of month 0',
        { scheduleKind: 'MONTHLY_DAY', scheduleDayOfMonth: 0 },
        'BAD_USER_INPUT',
        ['input', 'scheduleDayOfMonth'],
      ],
      [
        'day of month 32',
        { scheduleKind: 'MONTHLY_DAY', scheduleDayOfMonth: 32 },
        'BAD_USER_INPUT',
        ['input', 'scheduleDayOfMonth'],
      ],
      [
        'weekday 8',
        { scheduleKind: 'MONTHLY_LAST_WEEKDAY', scheduleWeekday: 8 },
        'BAD_USER_INPUT',
        ['input', 'scheduleWeekday'],
      ],
      [
        'week of month 5',
        { scheduleKind: 'MONTHLY_NTH_WEEKDAY', scheduleWeekOfMonth: 5 },
        'BAD_USER_INPUT',
        ['input', 'scheduleWeekOfMonth'],
      ],
      ['no deputy per reception', { deputiesPerReception: 0 }, 'BAD_USER_INPUT', ['input', 'deputiesPerReception']],
      [
        '1000 deputies per reception',
        { deputiesPerReception: 1000 },
        'BAD_USER_INPUT',
        ['input', 'deputiesPerReception'],
      ],
      [
        'a weekday for a monthly day',
        { scheduleKind: 'MONTHLY_DAY', scheduleWeekday: 2 },
        'BAD_USER_INPUT',
        ['input', 'scheduleWeekday'],
      ],
      ['a day without a schedule kind', { scheduleDayOfMonth: 10 }, 'BAD_USER_INPUT', ['input', 'scheduleDayOfMonth']],
      [
        'a week of month for an irregular schedule',
        { scheduleKind: 'IRREGULAR', scheduleWeekOfMonth: 1 },
        'BAD_USER_INPUT',
        ['input', 'scheduleWeekOfMonth'],
      ],
    ];
    it.each(cases)('%s', async (_label, input, code, field) => {
      expectRefusal(await create({ name: '不应写入的联络站', ...input }), code, field);
    });

    it('a name the township already uses (CONFLICT)', async () => {
      expectRefusal(await create({ name: takenName }), 'CONFLICT', ['input', 'name'], 'STATION_NAME_TAKEN');
      const station = await newStation();
      expectRefusal(await update(station.id, { name: takenName }), 'CONFLICT', ['input', 'name'], 'STATION_NAME_TAKEN');
    });
  });

  it('updateStation refuses null required fields, an opening after the closing, another township’s station', async () => {
    const station = await newStation({ openedOn: '2020-01-01' });
    expectRefusal(await update(station.id, { name: null }), 'BAD_USER_INPUT', ['input', 'name']);
    expectRefusal(await update(station.id, { kind: null }), 'BAD_USER_INPUT', ['input', 'kind']);
    expect((await retire(station.id, '2022-12-31')).errors).toBeUndefined();
    expectRefusal(await update(station.id, { openedOn: '2023-01-01' }), 'BAD_USER_INPUT', ['input', 'openedOn']);
    expectRefusal(await update(foreign.stationId, { name: '越权' }), 'NOT_FOUND', ['id'], 'RECORD_NOT_FOUND');
    expectRefusal(await update('station-1', { name: '越权' }), 'BAD_USER_INPUT', ['id'], 'INVALID_UUID');
  });

  it('retireStation closes a station; refuses bad dates, later records, a second closing, another township’s station', async () => {
    const station = await newStation({ openedOn: '2021-05-01' });
    expectRefusal(await retire(station.id, TOMORROW), 'BAD_USER_INPUT', ['on'], 'RECORD_DATE_OUT_OF_RANGE');
    expectRefusal(await retire(station.id, '2021-04-30'), 'BAD_USER_INPUT', ['on']);
    const contact = await t.graphql(
      `mutation ($input: RecordVoterContactInput!) { recordVoterContact(input: $input) { id } }`,
      {
        input: { kind: 'VISIT', receivedOn: '2024-02-02', subject: '道路维修', stationId: station.id },
      },
    );
    expect(contact.errors).toBeUndefined();
    expectRefusal(await retire(station.id, '2024-02-01'), 'BAD_USER_INPUT', ['on']);
    const activity = await t.graphql(
      `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`,
      {
        input: { type: 'VOTER_RECEPTION', occurredOn: '2024-03-12', title: '接待选民', stationId: station.id },
      },
    );
    expect(activity.errors).toBeUndefined();
    expectRefusal(await retire(station.id, '2024-03-11'), 'BAD_USER_INPUT', ['on'], 'STATION_HAS_LATER_RECORDS');
    const res = await retire(station.id, '2024-03-12');
    expect(res.errors).toBeUndefined();
    expect(res.data!.retireStation.retiredOn).toBe('2024-03-12');
    expectRefusal(await retire(station.id, '2024-04-01'), 'CONFLICT', ['id'], 'STATION_ALREADY_RETIRED');
    expectRefusal(await retire(foreign.stationId, '2024-04-01'), 'NOT_FOUND', ['id']);
  });

  it('property: random and malformed inputs are accepted or refused with a code, and only accepted writes are stored', async () => {
    const ledger = new WriteLedger();
    const before = await snapshotTables(t.database.url, ['station']);
    const auditMark = await lastAuditId(t.database.url);
    const accept = (row: StationRow) => ledger.accept('station', row);
    const fields = {
      name: arb.text(200, takenName),
      kind: arb.oneOf(['LIAISON_STATION', 'ACTIVITY_STATION']),
      village: arb.optional(arb.text(100)),
      address: arb.optional(arb.text(300)),
      openedOn: arb.optional(arb.date()),
      receptionSchedule: arb.optional(arb.text(200)),
      scheduleKind: arb.optional(
        arb.oneOf(['MONTHLY_DAY', 'MONTHLY_LAST_WEEKDAY', 'MONTHLY_NTH_WEEKDAY', 'IRREGULAR']),
      ),
      scheduleDayOfMonth: arb.optional(arb.int(1, 31)),
      scheduleWeekday: arb.optional(arb.int(1, 7)),
      scheduleWeekOfMonth: arb.optional(arb.int(1, 4)),
      deputiesPerReception: arb.optional(arb.int(1, 999)),
    };
    const created: string[] = [];
    const tallies = [
      await runWriteProperty<StationRow>(t, {
        field: 'createStation',
        query: CREATE,
        variables: fc.record({ input: arb.record(fields, ['name']) }),
        onAccepted: (row) => {
          accept(row);
          created.push(row.id);
        },
      }),
    ];
    const target = () => arb.arg(arb.id([own.stationId, ...created.slice(0, 8)], [foreign.stationId]));
    tallies.push(
      await runWriteProperty<StationRow>(t, {
        field: 'updateStation',
        query: UPDATE,
        variables: fc.record({ id: target(), input: arb.record(fields) }),
        onAccepted: accept,
      }),
      await runWriteProperty<StationRow>(t, {
        field: 'retireStation',
        query: RETIRE,
        variables: fc.record({ id: target(), on: arb.arg(arb.date()) }),
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
