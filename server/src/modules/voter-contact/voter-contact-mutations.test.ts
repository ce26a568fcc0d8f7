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

const FIELDS = 'id kind receivedOn subject stationId deputyId replied repliedOn townshipId provenance';
const RECORD = `mutation ($input: RecordVoterContactInput!) { recordVoterContact(input: $input) { ${FIELDS} } }`;
const REPLY = `mutation ($id: ID!, $repliedOn: LocalDate!) { replyVoterContact(id: $id, repliedOn: $repliedOn) { ${FIELDS} } }`;

interface ContactRow {
  id: string;
  receivedOn: string;
  replied: boolean;
  repliedOn: string | null;
  townshipId: string;
}

const TODAY = chinaToday();
const TOMORROW = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface Fixtures {
  own: TownshipRows;
  foreign: TownshipRows;
  /** A deputy of the clerk's township who resigned on 2022-06-30. */
  leftDeputyId: string;
  /** Closed on 2020-06-30. */
  retiredStationId: string;
}

describe('voter contact mutations', () => {
  let t: TestServer;
  let fx: Fixtures;
  const record = (input: Record<string, unknown>) => t.graphql<{ recordVoterContact: ContactRow }>(RECORD, { input });
  const reply = (id: string, repliedOn: string) =>
    t.graphql<{ replyVoterContact: ContactRow }>(REPLY, { id, repliedOn });
  const minimal = () => ({ kind: 'LETTER', receivedOn: '2024-08-20', subject: '反映灌溉渠堵塞' });
  const newContact = async (input: Record<string, unknown> = {}) => {
    const res = await record({ ...minimal(), ...input });
    expect(res.errors).toBeUndefined();
    return res.data!.recordVoterContact;
  };

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
    const own = await townshipRows(t.database.url, 'QUNLI');
    const foreign = await townshipRows(t.database.url, 'SIMENG');
    fx = await withDatabaseClient(t.database.url, async (su) => ({
      own,
      foreign,
      leftDeputyId: (
        await su.query<{ id: string }>(
          `insert into deputy (id, township_id, county_id, term_id, name, gender, level, status, status_changed_on)
           values (gen_random_uuid(), $1, $2, $3, '离任代表', 'MALE', 'TOWNSHIP', 'DECEASED', '2022-06-30') returning id`,
          [own.townshipId, own.countyId, own.termId],
        )
      ).rows[0]!.id,
      retiredStationId: (
        await su.query<{ id: string }>(
          `insert into station (id, township_id, county_id, name, retired_on)
           values (gen_random_uuid(), $1, $2, '已撤销联络站', '2020-06-30') returning id`,
          [own.townshipId, own.countyId],
        )
      ).rows[0]!.id,
    }));
  });
  afterAll(() => t.stop());

  it('records a visit and its reply, readable afterwards and audited', async () => {
    const res = await record({
      kind: 'VISIT',
      receivedOn: '2024-08-20',
      subject: '反映村道路灯损坏',
      stationId: fx.own.stationId,
      deputyId: fx.own.deputyId,
    });
    expect(res.errors).toBeUndefined();
    const contact = res.data!.recordVoterContact;
    expect(contact).toMatchObject({ replied: false, repliedOn: null, townshipId: fx.own.townshipId });
    const replied = await reply(contact.id, '2024-09-02');
    expect(replied.errors).toBeUndefined();
    expect(replied.data!.replyVoterContact).toMatchObject({ replied: true, repliedOn: '2024-09-02' });
    const read = await t.graphql<{ voterContact: ContactRow }>(
      `query ($id: ID!) { voterContact(id: $id) { ${FIELDS} } }`,
      {
        id: contact.id,
      },
    );
    expect(read.data!.voterContact).toEqual(replied.data!.replyVoterContact);
    expect(await auditActions(t.database.url, contact.id)).toEqual([
      'INSERT by TOWNSHIP_CLERK',
      'UPDATE by TOWNSHIP_CLERK',
    ]);
  });

  it('records a letter already answered', async () => {
    const contact = await newContact({ repliedOn: '2024-08-20' });
    expect(contact).toMatchObject({ replied: true, repliedOn: '2024-08-20' });
  });

  describe('recordVoterContact refuses', () => {
    const cases: [string, (fx: Fixtures) => Record<string, unknown>, (string | number)[]][] = [
      ['an empty subject', () => ({ subject: '' }), ['input', 'subject']],
      ['a subject over 300 characters', () => ({ subject: '信'.repeat(301) }), ['input', 'subject']],
      ['a subject with a control character', () => ({ subject: '来信\u0007' }), ['input', 'subject']],
      ['a date in the future', () => ({ receivedOn: TOMORROW }), ['input', 'receivedOn']],
      ['a date before 1949-10-01', () => ({ receivedOn: '1900-01-01' }), ['input', 'receivedOn']],
      ['a reply before the letter', () => ({ repliedOn: '2024-08-19' }), ['input', 'repliedOn']],
      ['a reply in the future', () => ({ repliedOn: TOMORROW }), ['input', 'repliedOn']],
      ['another township’s station', (f) => ({ stationId: f.foreign.stationId }), ['input', 'stationId']],
      ['another township’s deputy', (f) => ({ deputyId: f.foreign.deputyId }), ['input', 'deputyId']],
      ['an unknown deputy', () => ({ deputyId: randomUUID() }), ['input', 'deputyId']],
      ['a malformed station id', () => ({ stationId: '' }), ['input', 'stationId']],
      ['a station closed before the date', (f) => ({ stationId: f.retiredStationId }), ['input', 'stationId']],
      ['a deputy who left before the date', (f) => ({ deputyId: f.leftDeputyId }), ['input', 'deputyId']],
    ];
    it.each(cases)('%s', async (_label, input, field) => {
      expectRefusal(await record({ ...minimal(), ...input(fx) }), 'BAD_USER_INPUT', field);
    });
  });

  it('replyVoterContact refuses a bad date, a second reply, another township’s contact, a malformed id', async () => {
    const contact = await newContact();
    expectRefusal(await reply(contact.id, '2024-08-19'), 'BAD_USER_INPUT', ['repliedOn']);
    expectRefusal(await reply(contact.id, TOMORROW), 'BAD_USER_INPUT', ['repliedOn']);
    expect((await reply(contact.id, '2024-08-21')).errors).toBeUndefined();
    expectRefusal(await reply(contact.id, '2024-08-22'), 'CONFLICT', ['id'], 'VOTER_CONTACT_ALREADY_ANSWERED');
    expectRefusal(await reply(fx.foreign.voterContactId, '2024-08-22'), 'NOT_FOUND', ['id']);
    expectRefusal(await reply('contact-1', '2024-08-22'), 'BAD_USER_INPUT', ['id']);
  });

  it('property: random and malformed inputs are accepted or refused with a code, and only accepted writes are stored', async () => {
    const ledger = new WriteLedger();
    const before = await snapshotTables(t.database.url, ['voter_contact']);
    const auditMark = await lastAuditId(t.database.url);
    const accept = (row: ContactRow) => ledger.accept('voter_contact', row);
    const { own, foreign } = fx;
    const fields = {
      kind: arb.oneOf(['VISIT', 'LETTER']),
      receivedOn: arb.date(),
      subject: arb.text(300),
      stationId: arb.optional(arb.id([own.stationId], [foreign.stationId, fx.retiredStationId])),
      deputyId: arb.optional(arb.id([own.deputyId], [foreign.deputyId, fx.leftDeputyId])),
      repliedOn: arb.optional(arb.date()),
    };
    const created: string[] = [];
    const tallies = [
      await runWriteProperty<ContactRow>(t, {
        field: 'recordVoterContact',
        query: RECORD,
        variables: fc.record({ input: arb.record(fields, ['kind', 'receivedOn', 'subject']) }),
        onAccepted: (row) => {
          accept(row);
          if (!row.replied) created.push(row.id);
        },
      }),
    ];
    tallies.push(
      await runWriteProperty<ContactRow>(t, {
        field: 'replyVoterContact',
        query: REPLY,
        variables: fc.record({
          id: arb.arg(arb.id([own.voterContactId, ...created.slice(0, 20)], [foreign.voterContactId])),
          repliedOn: arb.arg(arb.date()),
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
