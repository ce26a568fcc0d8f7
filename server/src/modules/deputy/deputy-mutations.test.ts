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

const FIELDS = `id termId groupId stationId name gender birthYear ethnicity party occupationCategory level status
  electedOn byElection statusChangedOn contactPhone townshipId provenance`;
const CREATE = `mutation ($input: CreateDeputyInput!) { createDeputy(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateDeputyInput!) { updateDeputy(id: $id, input: $input) { ${FIELDS} } }`;
const RETIRE = `mutation ($id: ID!, $status: DeputyStatus!, $on: LocalDate!) {
  retireDeputy(id: $id, status: $status, on: $on) { ${FIELDS} }
}`;

interface DeputyRow {
  id: string;
  name: string;
  groupId: string | null;
  stationId: string | null;
  status: string;
  statusChangedOn: string | null;
  contactPhone: string | null;
  birthYear: number | null;
  electedOn: string | null;
  townshipId: string;
  provenance: string;
}

const TODAY = chinaToday();
const TOMORROW = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const THIS_YEAR = Number(TODAY.slice(0, 4));

interface Fixtures {
  own: TownshipRows;
  foreign: TownshipRows;
  retiredGroupId: string;
  retiredStationId: string;
}

describe('deputy mutations', () => {
  let t: TestServer;
  let fx: Fixtures;
  const create = (input: Record<string, unknown>, as?: string) =>
    t.graphql<{ createDeputy: DeputyRow }>(CREATE, { input }, as ? { as } : {});
  const update = (id: string, input: Record<string, unknown>) =>
    t.graphql<{ updateDeputy: DeputyRow }>(UPDATE, { id, input });
  const retire = (id: string, status: string, on: string) =>
    t.graphql<{ retireDeputy: DeputyRow }>(RETIRE, { id, status, on });
  const minimal = () => ({ termId: fx.own.termId, name: '测试代表', gender: 'FEMALE', level: 'TOWNSHIP' });
  const newDeputy = async (input: Record<string, unknown> = {}) => {
    const res = await create({ ...minimal(), ...input });
    expect(res.errors).toBeUndefined();
    return res.data!.createDeputy;
  };

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
    const own = await townshipRows(t.database.url, 'QUNLI');
    const foreign = await townshipRows(t.database.url, 'SIMENG');
    const [retiredGroupId, retiredStationId] = await withDatabaseClient(t.database.url, async (su) => {
      const insert = async (table: string) =>
        (
          await su.query<{ id: string }>(
            `insert into "${table}" (id, township_id, county_id, name, retired_on)
             values (gen_random_uuid(), $1, $2, $3, '2020-06-30') returning id`,
            [own.townshipId, own.countyId, `已撤销的${table}`],
          )
        ).rows[0]!.id;
      return [await insert('deputy_group'), await insert('station')];
    });
    fx = { own, foreign, retiredGroupId, retiredStationId };
  });
  afterAll(() => t.stop());

  it('creates a deputy in the clerk’s township, readable afterwards and audited', async () => {
    const res = await create({
      ...minimal(),
      groupId: fx.own.groupId,
      stationId: fx.own.stationId,
      name: '李秀英',
      birthYear: 1975,
      ethnicity: '汉族',
      party: 'CPC',
      occupationCategory: 'FARMER',
      level: 'COUNTY_OR_CITY',
      electedOn: '2021-11-10',
      byElection: true,
      contactPhone: '138 0000 1234',
    });
    expect(res.errors).toBeUndefined();
    const deputy = res.data!.createDeputy;
    expect(deputy).toMatchObject({
      name: '李秀英',
      groupId: fx.own.groupId,
      stationId: fx.own.stationId,
      status: 'ACTIVE',
      statusChangedOn: null,
      contactPhone: '138 0000 1234',
      townshipId: fx.own.townshipId,
      provenance: 'RECORDED',
    });
    const read = await t.graphql<{ deputy: { name: string; group: { id: string }; township: { code: string } } }>(
      'query ($id: ID!) { deputy(id: $id) { name group { id } township { code } } }',
      { id: deputy.id },
    );
    expect(read.data!.deputy).toEqual({ name: '李秀英', group: { id: fx.own.groupId }, township: { code: 'QUNLI' } });
    expect(await auditActions(t.database.url, deputy.id)).toEqual(['INSERT by TOWNSHIP_CLERK']);
  });

  it('updates only the given fields; null clears an optional one', async () => {
    const deputy = await newDeputy({ groupId: fx.own.groupId, birthYear: 1980, contactPhone: '13900001111' });
    const res = await update(deputy.id, { name: '改名代表', groupId: null, contactPhone: null });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateDeputy).toMatchObject({
      name: '改名代表',
      groupId: null,
      contactPhone: null,
      birthYear: 1980,
      stationId: null,
    });
    const stored = await withDatabaseClient(t.database.url, (su) =>
      su.query('select name, group_id, phone, birth_year from deputy where id = $1', [deputy.id]),
    );
    expect(stored.rows).toEqual([{ name: '改名代表', group_id: null, phone: null, birth_year: 1980 }]);
    expect(await auditActions(t.database.url, deputy.id)).toEqual([
      'INSERT by TOWNSHIP_CLERK',
      'UPDATE by TOWNSHIP_CLERK',
    ]);
  });

  it('retires a deputy with the status and the date of leaving', async () => {
    const deputy = await newDeputy({ electedOn: '2021-11-10' });
    const res = await retire(deputy.id, 'RESIGNED', '2024-03-15');
    expect(res.errors).toBeUndefined();
    expect(res.data!.retireDeputy).toMatchObject({ status: 'RESIGNED', statusChangedOn: '2024-03-15' });
    const read = await t.graphql<{ deputy: { status: string } }>('query ($id: ID!) { deputy(id: $id) { status } }', {
      id: deputy.id,
    });
    expect(read.data!.deputy.status).toBe('RESIGNED');
    expect(await auditActions(t.database.url, deputy.id)).toHaveLength(2);
  });

  describe('createDeputy refuses', () => {
    const cases: [string, (fx: Fixtures) => Record<string, unknown>, string, (string | number)[]][] = [
      ['an empty name', () => ({ name: '' }), 'BAD_USER_INPUT', ['input', 'name']],
      ['a blank name', () => ({ name: '   ' }), 'BAD_USER_INPUT', ['input', 'name']],
      ['a name over 50 characters', () => ({ name: '张'.repeat(51) }), 'BAD_USER_INPUT', ['input', 'name']],
      ['a name with a line break', () => ({ name: '张\n三' }), 'BAD_USER_INPUT', ['input', 'name']],
      ['a name with NUL', () => ({ name: '张\u0000三' }), 'BAD_USER_INPUT', ['input', 'name']],
      [
        'an ethnicity over 20 characters',
        () => ({ ethnicity: '族'.repeat(21) }),
        'BAD_USER_INPUT',
        ['input', 'ethnicity'],
      ],
      ['a birth year before 1900', () => ({ birthYear: 1899 }), 'BAD_USER_INPUT', ['input', 'birthYear']],
      ['a birth year after this year', () => ({ birthYear: THIS_YEAR + 1 }), 'BAD_USER_INPUT', ['input', 'birthYear']],
      ['an election before 1949-10-01', () => ({ electedOn: '1949-09-30' }), 'BAD_USER_INPUT', ['input', 'electedOn']],
      ['an election in the future', () => ({ electedOn: TOMORROW }), 'BAD_USER_INPUT', ['input', 'electedOn']],
      ['a malformed phone', () => ({ contactPhone: 'call me' }), 'BAD_USER_INPUT', ['input', 'contactPhone']],
      ['a malformed term id', () => ({ termId: 'term-1' }), 'BAD_USER_INPUT', ['input', 'termId']],
      ['an unknown term', () => ({ termId: randomUUID() }), 'BAD_USER_INPUT', ['input', 'termId']],
      ['another township’s term', (f) => ({ termId: f.foreign.termId }), 'BAD_USER_INPUT', ['input', 'termId']],
      ['another township’s group', (f) => ({ groupId: f.foreign.groupId }), 'BAD_USER_INPUT', ['input', 'groupId']],
      [
        'another township’s station',
        (f) => ({ stationId: f.foreign.stationId }),
        'BAD_USER_INPUT',
        ['input', 'stationId'],
      ],
      ['a dissolved group', (f) => ({ groupId: f.retiredGroupId }), 'BAD_USER_INPUT', ['input', 'groupId']],
      ['a closed station', (f) => ({ stationId: f.retiredStationId }), 'BAD_USER_INPUT', ['input', 'stationId']],
    ];
    it.each(cases)('%s', async (_label, input, code, field) => {
      const before = await withDatabaseClient(t.database.url, (su) => su.query('select count(*) from deputy'));
      expectRefusal(await create({ ...minimal(), ...input(fx) }), code, field);
      const after = await withDatabaseClient(t.database.url, (su) => su.query('select count(*) from deputy'));
      expect(after.rows).toEqual(before.rows);
    });

    it('a malformed date (GraphQL’s own coercion)', async () => {
      expectRefusal(await create({ ...minimal(), electedOn: '2021-02-30' }), 'BAD_USER_INPUT');
    });

    it('roles other than the township clerk', async () => {
      for (const login of ['qunli.viewer', 'demo.staff', 'demo.analyst', 'demo.admin']) {
        expectRefusal(await create(minimal(), login), 'FORBIDDEN', null);
      }
    });
  });

  describe('updateDeputy refuses', () => {
    let id: string;
    beforeAll(async () => {
      id = (await newDeputy({ electedOn: '2021-11-10' })).id;
      expect((await retire(id, 'REMOVED', '2023-05-01')).errors).toBeUndefined();
    });
    const cases: [string, (fx: Fixtures) => Record<string, unknown>, (string | number)[]][] = [
      ['clearing the name', () => ({ name: null }), ['input', 'name']],
      ['clearing the term', () => ({ termId: null }), ['input', 'termId']],
      ['clearing the gender', () => ({ gender: null }), ['input', 'gender']],
      ['a name over 50 characters', () => ({ name: 'x'.repeat(51) }), ['input', 'name']],
      ['a birth year before 1900', () => ({ birthYear: 1800 }), ['input', 'birthYear']],
      ['an election after the deputy left', () => ({ electedOn: '2023-06-01' }), ['input', 'electedOn']],
      ['another township’s term', (f) => ({ termId: f.foreign.termId }), ['input', 'termId']],
      ['another township’s group', (f) => ({ groupId: f.foreign.groupId }), ['input', 'groupId']],
      ['a closed station', (f) => ({ stationId: f.retiredStationId }), ['input', 'stationId']],
    ];
    it.each(cases)('%s', async (_label, input, field) => {
      expectRefusal(await update(id, input(fx)), 'BAD_USER_INPUT', field);
    });

    it('another township’s deputy (NOT_FOUND), an unknown one, and a malformed id', async () => {
      expectRefusal(await update(fx.foreign.deputyId, { name: '越权' }), 'NOT_FOUND', ['id']);
      expectRefusal(await update(randomUUID(), { name: '越权' }), 'NOT_FOUND', ['id']);
      expectRefusal(await update('42', { name: '越权' }), 'BAD_USER_INPUT', ['id']);
      const stored = await withDatabaseClient(t.database.url, (su) =>
        su.query('select name from deputy where id = $1', [fx.foreign.deputyId]),
      );
      expect(stored.rows[0].name).not.toBe('越权');
    });
  });

  describe('retireDeputy refuses', () => {
    it('ACTIVE as the new status, a future or pre-election date, and a second retirement', async () => {
      const deputy = await newDeputy({ electedOn: '2021-11-10' });
      expectRefusal(await retire(deputy.id, 'ACTIVE', '2024-01-01'), 'BAD_USER_INPUT', ['status']);
      expectRefusal(await retire(deputy.id, 'RESIGNED', TOMORROW), 'BAD_USER_INPUT', ['on']);
      expectRefusal(await retire(deputy.id, 'RESIGNED', '2021-11-09'), 'BAD_USER_INPUT', ['on']);
      expect((await retire(deputy.id, 'DECEASED', '2024-01-01')).errors).toBeUndefined();
      expectRefusal(
        await retire(deputy.id, 'RESIGNED', '2024-02-01'),
        'CONFLICT',
        ['id'],
        'DEPUTY_ALREADY_LEFT_OFFICE',
      );
    });

    it('a date before activities the deputy attended', async () => {
      const deputy = await newDeputy();
      const activity = await t.graphql(
        `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`,
        { input: { type: 'STUDY', occurredOn: '2024-06-01', title: '学习', participants: [{ deputyId: deputy.id }] } },
      );
      expect(activity.errors).toBeUndefined();
      expectRefusal(await retire(deputy.id, 'RESIGNED', '2024-05-31'), 'BAD_USER_INPUT', ['on']);
      expect((await retire(deputy.id, 'RESIGNED', '2024-06-01')).errors).toBeUndefined();
    });

    it('another township’s deputy', async () => {
      expectRefusal(await retire(fx.foreign.deputyId, 'RESIGNED', '2024-01-01'), 'NOT_FOUND', ['id']);
    });
  });

  it('property: random and malformed inputs are accepted or refused with a code, and only accepted writes are stored', async () => {
    const ledger = new WriteLedger();
    const before = await snapshotTables(t.database.url, ['deputy']);
    const auditMark = await lastAuditId(t.database.url);
    const accept = (row: DeputyRow) => ledger.accept('deputy', row);
    const { own, foreign } = fx;
    const fields = {
      termId: arb.id([own.termId], [foreign.termId]),
      groupId: arb.optional(arb.id([own.groupId], [foreign.groupId, fx.retiredGroupId])),
      stationId: arb.optional(arb.id([own.stationId], [foreign.stationId, fx.retiredStationId])),
      name: arb.text(50),
      gender: arb.oneOf(['MALE', 'FEMALE']),
      birthYear: arb.optional(arb.int(1900, THIS_YEAR)),
      ethnicity: arb.optional(arb.text(20)),
      party: arb.optional(arb.oneOf(['CPC', 'DEMOCRATIC_PARTY', 'NONE'])),
      occupationCategory: arb.optional(arb.oneOf(['WORKER', 'FARMER', 'OTHER'])),
      level: arb.oneOf(['TOWNSHIP', 'COUNTY_OR_CITY']),
      electedOn: arb.optional(arb.date()),
      byElection: arb.boolean(),
      contactPhone: arb.optional({
        valid: fc.constantFrom('13800001111', '0838-1234567', '+86 138 0000 1111'),
        invalid: fc.constantFrom('x', '1'.repeat(31), '12', '\u0000'),
      }),
    };
    const created: string[] = [];
    const createTally = await runWriteProperty<DeputyRow>(t, {
      field: 'createDeputy',
      query: CREATE,
      variables: fc.record({ input: arb.record(fields, ['termId', 'name', 'gender', 'level']) }),
      onAccepted: (row) => {
        accept(row);
        created.push(row.id);
      },
    });
    const target = () => arb.arg(arb.id([own.deputyId, ...created.slice(0, 8)], [foreign.deputyId]));
    const updateTally = await runWriteProperty<DeputyRow>(t, {
      field: 'updateDeputy',
      query: UPDATE,
      variables: fc.record({ id: target(), input: arb.record(fields) }),
      onAccepted: accept,
    });
    const retireTally = await runWriteProperty<DeputyRow>(t, {
      field: 'retireDeputy',
      query: RETIRE,
      variables: fc.record({
        id: target(),
        status: arb.arg(arb.oneOf(['RESIGNED', 'REMOVED', 'DECEASED'], 'ACTIVE')),
        on: arb.arg(arb.date()),
      }),
      onAccepted: accept,
    });
    for (const tally of [createTally, updateTally, retireTally]) {
      expect(tally.accepted).toBeGreaterThan(0);
      expect(tally.refused).toBeGreaterThan(0);
    }
    await ledger.expectDatabase(t.database.url, before);
    await ledger.expectAuditedOnly(t.database.url, auditMark, before);
  });
});
