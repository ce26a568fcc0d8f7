import fc from 'fast-check';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { expectRefusal } from '../../test-support/expect-refusal.js';
import { auditActions } from '../../test-support/audit-actions.js';
import { inputArbitraries as arb } from '../../test-support/input-arbitraries.js';
import { runWriteProperty } from '../../test-support/run-write-property.js';
import { WriteLedger, lastAuditId, snapshotTables } from '../../test-support/write-ledger.js';
import { chinaToday } from '../../common/validation/china-today.js';

const FIELDS = `id kind heldOn datePrecision registeredVoters votersVoted countyDeputiesElected townshipDeputiesElected
  townshipId provenance`;
const RECORD = `mutation ($input: RecordElectionInput!) { recordElection(input: $input) { ${FIELDS} } }`;

interface ElectionRow {
  id: string;
  heldOn: string;
  registeredVoters: number | null;
  votersVoted: number | null;
  townshipId: string;
}

const TODAY = chinaToday();
const TOMORROW = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('election mutations', () => {
  let t: TestServer;
  const record = (input: Record<string, unknown>) => t.graphql<{ recordElection: ElectionRow }>(RECORD, { input });
  const minimal = { kind: 'GENERAL', heldOn: '2021-11-10' };

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
  });
  afterAll(() => t.stop());

  it('records an election, readable afterwards and audited', async () => {
    const res = await record({
      kind: 'BY_ELECTION',
      heldOn: '2023-01-01',
      datePrecision: 'YEAR',
      registeredVoters: 12_000,
      votersVoted: 12_000,
      countyDeputiesElected: 0,
      townshipDeputiesElected: 2,
    });
    expect(res.errors).toBeUndefined();
    const election = res.data!.recordElection;
    expect(election).toMatchObject({ heldOn: '2023-01-01', registeredVoters: 12_000, votersVoted: 12_000 });
    const read = await t.graphql<{ election: ElectionRow; me: { townshipId: string } }>(
      `query ($id: ID!) { election(id: $id) { ${FIELDS} } me { townshipId } }`,
      { id: election.id },
    );
    expect(read.data!.election).toEqual(election);
    expect(election.townshipId).toBe(read.data!.me.townshipId);
    expect(await auditActions(t.database.url, election.id)).toEqual(['INSERT by TOWNSHIP_CLERK']);
  });

  it('keeps unknown counts null', async () => {
    const res = await record(minimal);
    expect(res.data!.recordElection).toMatchObject({ registeredVoters: null, votersVoted: null });
  });

  const cases: [string, Record<string, unknown>, (string | number)[]][] = [
    ['more voters than registered', { registeredVoters: 100, votersVoted: 101 }, ['input', 'votersVoted']],
    ['negative registered voters', { registeredVoters: -1 }, ['input', 'registeredVoters']],
    ['negative voters', { votersVoted: -5 }, ['input', 'votersVoted']],
    ['negative county deputies elected', { countyDeputiesElected: -1 }, ['input', 'countyDeputiesElected']],
    ['negative township deputies elected', { townshipDeputiesElected: -1 }, ['input', 'townshipDeputiesElected']],
    ['a date in the future', { heldOn: TOMORROW }, ['input', 'heldOn']],
    ['a date before 1949-10-01', { heldOn: '1949-09-30' }, ['input', 'heldOn']],
    ['a year-precise date not on January 1st', { datePrecision: 'YEAR', heldOn: '2021-11-10' }, ['input', 'heldOn']],
    ['a month-precise date not on the 1st', { datePrecision: 'MONTH', heldOn: '2021-11-10' }, ['input', 'heldOn']],
  ];
  it.each(cases)('recordElection refuses %s', async (_label, input, field) => {
    expectRefusal(await record({ ...minimal, ...input }), 'BAD_USER_INPUT', field);
  });

  it('refuses counts beyond 32 bits (GraphQL’s own Int coercion)', async () => {
    expectRefusal(await record({ ...minimal, registeredVoters: 2 ** 31 }), 'BAD_USER_INPUT');
  });

  it('property: random and malformed inputs are accepted or refused with a code, and only accepted writes are stored', async () => {
    const ledger = new WriteLedger();
    const before = await snapshotTables(t.database.url, ['election']);
    const auditMark = await lastAuditId(t.database.url);
    const fields = {
      kind: arb.oneOf(['GENERAL', 'BY_ELECTION']),
      heldOn: arb.date(),
      datePrecision: { valid: fc.constant('DAY'), invalid: fc.constantFrom('MONTH', 'YEAR', 'DECADE') },
      registeredVoters: arb.optional(arb.int(0, 2 ** 31 - 1)),
      votersVoted: arb.optional(arb.int(0, 50_000)),
      countyDeputiesElected: arb.optional(arb.int(0, 100)),
      townshipDeputiesElected: arb.optional(arb.int(0, 100)),
    };
    const tally = await runWriteProperty<ElectionRow>(t, {
      field: 'recordElection',
      query: RECORD,
      variables: fc.record({ input: arb.record(fields, ['kind', 'heldOn']) }),
      onAccepted: (row) => ledger.accept('election', row),
    });
    expect(tally.accepted).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
    await ledger.expectDatabase(t.database.url, before);
    await ledger.expectAuditedOnly(t.database.url, auditMark, before);
  });
});
