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

const FIELDS = 'id name retiredOn townshipId provenance';
const CREATE = `mutation ($input: CreateDeputyGroupInput!) { createDeputyGroup(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateDeputyGroupInput!) { updateDeputyGroup(id: $id, input: $input) { ${FIELDS} } }`;
const RETIRE = `mutation ($id: ID!, $on: LocalDate!) { retireDeputyGroup(id: $id, on: $on) { ${FIELDS} } }`;

interface GroupRow {
  id: string;
  name: string;
  retiredOn: string | null;
  townshipId: string;
  provenance: string;
}

const TODAY = chinaToday();
const TOMORROW = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('deputy group mutations', () => {
  let t: TestServer;
  let own: TownshipRows;
  let foreign: TownshipRows;
  /** A name already used by a group of the clerk's township. */
  let takenName: string;
  const create = (name: unknown) => t.graphql<{ createDeputyGroup: GroupRow }>(CREATE, { input: { name } });
  const update = (id: string, input: Record<string, unknown>) =>
    t.graphql<{ updateDeputyGroup: GroupRow }>(UPDATE, { id, input });
  const retire = (id: string, on: string) => t.graphql<{ retireDeputyGroup: GroupRow }>(RETIRE, { id, on });
  const newGroup = async (name: string) => {
    const res = await create(name);
    expect(res.errors).toBeUndefined();
    return res.data!.createDeputyGroup;
  };

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
    own = await townshipRows(t.database.url, 'QUNLI');
    foreign = await townshipRows(t.database.url, 'SIMENG');
    takenName = (
      await withDatabaseClient(t.database.url, (su) =>
        su.query<{ name: string }>('select name from deputy_group where id = $1', [own.groupId]),
      )
    ).rows[0]!.name;
  });
  afterAll(() => t.stop());

  it('creates, renames and retires a group, readable afterwards and audited', async () => {
    const group = await newGroup('第九代表小组');
    expect(group).toMatchObject({
      name: '第九代表小组',
      retiredOn: null,
      townshipId: own.townshipId,
      provenance: 'RECORDED',
    });
    const renamed = await update(group.id, { name: '第十代表小组' });
    expect(renamed.data!.updateDeputyGroup.name).toBe('第十代表小组');
    const retired = await retire(group.id, '2025-01-31');
    expect(retired.data!.retireDeputyGroup.retiredOn).toBe('2025-01-31');
    const read = await t.graphql<{ deputyGroup: GroupRow }>(`query ($id: ID!) { deputyGroup(id: $id) { ${FIELDS} } }`, {
      id: group.id,
    });
    expect(read.data!.deputyGroup).toEqual(retired.data!.retireDeputyGroup);
    expect(await auditActions(t.database.url, group.id)).toEqual([
      'INSERT by TOWNSHIP_CLERK',
      'UPDATE by TOWNSHIP_CLERK',
      'UPDATE by TOWNSHIP_CLERK',
    ]);
  });

  it('lets another township use the same name', async () => {
    await newGroup('同名小组');
    const res = await t.graphql<{ createDeputyGroup: GroupRow }>(
      CREATE,
      { input: { name: '同名小组' } },
      { as: 'simeng.clerk' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createDeputyGroup.townshipId).toBe(foreign.townshipId);
  });

  it.each([
    ['an empty name', ''],
    ['a blank name', ' \t '],
    ['a name over 100 characters', '组'.repeat(101)],
    ['a name with a line break', '第一\n小组'],
    ['a name with an unpaired surrogate', '小组\ud800'],
  ])('createDeputyGroup refuses %s', async (_label, name) => {
    expectRefusal(await create(name), 'BAD_USER_INPUT', ['input', 'name']);
  });

  it('refuses a name the township already uses (CONFLICT), also when renaming', async () => {
    expectRefusal(await create(takenName), 'CONFLICT', ['input', 'name'], 'DEPUTY_GROUP_NAME_TAKEN');
    const group = await newGroup('待改名小组');
    expectRefusal(
      await update(group.id, { name: takenName }),
      'CONFLICT',
      ['input', 'name'],
      'DEPUTY_GROUP_NAME_TAKEN',
    );
    expect((await update(group.id, { name: '待改名小组' })).errors).toBeUndefined();
  });

  it('updateDeputyGroup refuses a null name, another township’s group (NOT_FOUND) and a malformed id', async () => {
    expectRefusal(await update(own.groupId, { name: null }), 'BAD_USER_INPUT', ['input', 'name']);
    expectRefusal(await update(foreign.groupId, { name: '越权' }), 'NOT_FOUND', ['id']);
    expectRefusal(await update('group-1', { name: '越权' }), 'BAD_USER_INPUT', ['id']);
  });

  it('retireDeputyGroup refuses a date out of range, a date before its activities, a second retirement, another township’s group', async () => {
    const group = await newGroup('将撤销小组');
    expectRefusal(await retire(group.id, TOMORROW), 'BAD_USER_INPUT', ['on']);
    expectRefusal(await retire(group.id, '1949-09-30'), 'BAD_USER_INPUT', ['on']);
    const activity = await t.graphql(
      `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`,
      {
        input: { type: 'DEPUTY_GROUP_ACTIVITY', occurredOn: '2024-04-10', title: '小组活动', groupId: group.id },
      },
    );
    expect(activity.errors).toBeUndefined();
    expectRefusal(await retire(group.id, '2024-04-09'), 'BAD_USER_INPUT', ['on']);
    expect((await retire(group.id, '2024-04-10')).errors).toBeUndefined();
    expectRefusal(await retire(group.id, '2024-05-01'), 'CONFLICT', ['id'], 'DEPUTY_GROUP_ALREADY_RETIRED');
    expectRefusal(await retire(foreign.groupId, '2024-05-01'), 'NOT_FOUND', ['id']);
    expectRefusal(await retire(randomUUID(), '2024-05-01'), 'NOT_FOUND', ['id']);
  });

  it('property: random and malformed inputs are accepted or refused with a code, and only accepted writes are stored', async () => {
    const ledger = new WriteLedger();
    const before = await snapshotTables(t.database.url, ['deputy_group']);
    const auditMark = await lastAuditId(t.database.url);
    const accept = (row: GroupRow) => ledger.accept('deputy_group', row);
    const name = arb.text(100, takenName);
    const created: string[] = [];
    const tallies = [
      await runWriteProperty<GroupRow>(t, {
        field: 'createDeputyGroup',
        query: CREATE,
        variables: fc.record({ input: arb.record({ name }, ['name']) }),
        onAccepted: (row) => {
          accept(row);
          created.push(row.id);
        },
      }),
    ];
    const target = () => arb.arg(arb.id([own.groupId, ...created.slice(0, 8)], [foreign.groupId]));
    tallies.push(
      await runWriteProperty<GroupRow>(t, {
        field: 'updateDeputyGroup',
        query: UPDATE,
        variables: fc.record({ id: target(), input: arb.record({ name }) }),
        onAccepted: accept,
      }),
      await runWriteProperty<GroupRow>(t, {
        field: 'retireDeputyGroup',
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
