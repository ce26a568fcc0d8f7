import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { cellIn, compareMarked, seededCounty } from '../../test-support/figure-test-queries.js';

const SET = `mutation ($i: SetRecordCoverageInput!) { setRecordCoverage(input: $i) { recordKind recordedSince provenance townshipId } }`;
const codeOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['code'];
const fieldOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['field'];

interface Coverage {
  recordKind: string;
  recordedSince: string;
  provenance: string;
  townshipId: string;
}

describe('record coverage', () => {
  let t: TestServer;
  let countyId: string;
  let idOf: Map<string, string>;

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.staff' });
    ({ countyId, idOf } = await seededCounty(t));
  });
  afterAll(() => t.stop());

  const set = (input: Record<string, unknown>, as: string) =>
    t.graphql<{ setRecordCoverage: Coverage[] }>(SET, { i: input }, { as });
  const coverageOf = async (code: string) => {
    const res = await t.graphql<{ township: { recordCoverage: { recordKind: string; recordedSince: string }[] } }>(
      'query ($id: ID!) { township(id: $id) { recordCoverage { recordKind recordedSince } } }',
      { id: idOf.get(code)! },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.township.recordCoverage;
  };

  it('seeds only the coverage the reports support', async () => {
    expect(await coverageOf('SIMENG')).toEqual([
      { recordKind: 'SUGGESTION', recordedSince: '2021-01-01' },
      { recordKind: 'VOTER_CONTACT', recordedSince: '2021-01-01' },
    ]);
    expect(await coverageOf('HEMAO')).toEqual([]);
    expect(await coverageOf('UNNAMED')).toEqual([]);
  });

  it('lets a clerk declare its own township’s activities complete, which turns unknown into a recorded 0', async () => {
    const before = await compareMarked(t, countyId, ['inspections'], [{ year: 2021 }]);
    expect(cellIn(before, idOf.get('SIMENG')!, 'inspections')).toMatchObject({
      value: null,
      unknownReason: 'NOT_STATED',
    });
    const res = await set({ recordKind: 'ACTIVITY', recordedSince: '2021-01-01' }, 'simeng.clerk');
    expect(res.errors).toBeUndefined();
    expect(res.data!.setRecordCoverage.map((c) => [c.recordKind, c.recordedSince, c.provenance])).toEqual([
      ['ACTIVITY', '2021-01-01', 'RECORDED'],
      ['SUGGESTION', '2021-01-01', 'REPORTED'],
      ['VOTER_CONTACT', '2021-01-01', 'REPORTED'],
    ]);
    // Every 2021 quarter of 思蒙镇 is accepted and its activities now complete: no inspection means 0.
    const after = await compareMarked(t, countyId, ['inspections', 'law_enforcement_checks'], [{ year: 2021 }]);
    expect(cellIn(after, idOf.get('SIMENG')!, 'inspections')).toMatchObject({
      value: 0,
      provenance: 'RECORDED',
      qualifier: 'EXACT',
      unknownReason: null,
      syntheticShare: 0,
    });
    // Removing it makes the figure unknown again.
    const removed = await set({ recordKind: 'ACTIVITY', recordedSince: null }, 'simeng.clerk');
    expect(removed.data!.setRecordCoverage.map((c) => c.recordKind)).toEqual(['SUGGESTION', 'VOTER_CONTACT']);
    const again = await compareMarked(t, countyId, ['inspections'], [{ year: 2021 }]);
    expect(cellIn(again, idOf.get('SIMENG')!, 'inspections').value).toBeNull();
  });

  it('counts a later start only for periods that begin after it', async () => {
    const res = await set(
      { townshipId: idOf.get('SIMENG')!, recordKind: 'ACTIVITY', recordedSince: '2021-04-01' },
      'demo.admin',
    );
    expect(res.errors).toBeUndefined();
    const cmp = await compareMarked(t, countyId, ['inspections'], [{ year: 2021 }, { year: 2021, quarter: 2 }]);
    expect(cellIn(cmp, idOf.get('SIMENG')!, 'inspections', 0).value).toBeNull();
    expect(cellIn(cmp, idOf.get('SIMENG')!, 'inspections', 1)).toMatchObject({ value: 0, qualifier: 'EXACT' });
    await set({ townshipId: idOf.get('SIMENG')!, recordKind: 'ACTIVITY', recordedSince: null }, 'demo.admin');
  });

  it('lets the county admin set any township of the county', async () => {
    const res = await set(
      { townshipId: idOf.get('HEMAO')!, recordKind: 'ELECTION', recordedSince: '2016-01-01' },
      'demo.admin',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.setRecordCoverage).toEqual([
      { recordKind: 'ELECTION', recordedSince: '2016-01-01', provenance: 'RECORDED', townshipId: idOf.get('HEMAO')! },
    ]);
    expect(await coverageOf('HEMAO')).toEqual([{ recordKind: 'ELECTION', recordedSince: '2016-01-01' }]);
  });

  it('refuses other townships, other roles, bad dates and bad ids with coded errors, writing nothing', async () => {
    const other = await set(
      { townshipId: idOf.get('QUNLI')!, recordKind: 'ACTIVITY', recordedSince: '2021-01-01' },
      'simeng.clerk',
    );
    expect([codeOf(other), fieldOf(other)]).toEqual(['NOT_FOUND', ['input', 'townshipId']]);
    const future = await set({ recordKind: 'ACTIVITY', recordedSince: '2099-01-01' }, 'qunli.clerk');
    expect([codeOf(future), fieldOf(future)]).toEqual(['BAD_USER_INPUT', ['input', 'recordedSince']]);
    expect(future.errors![0]!.extensions!['messageZh']).toMatch(/日期/);
    const ancient = await set({ recordKind: 'ACTIVITY', recordedSince: '1900-01-01' }, 'qunli.clerk');
    expect(codeOf(ancient)).toBe('BAD_USER_INPUT');
    const notADate = await set({ recordKind: 'ACTIVITY', recordedSince: '2021-02-30' }, 'qunli.clerk');
    expect(codeOf(notADate)).toBe('BAD_USER_INPUT');
    // Found by the mutation fuzz: an omitted date was an internal error; removing takes an explicit null.
    const omitted = await set({ recordKind: 'ELECTION' }, 'qunli.clerk');
    expect([codeOf(omitted), fieldOf(omitted)]).toEqual(['BAD_USER_INPUT', ['input', 'recordedSince']]);
    const adminWithout = await set({ recordKind: 'ACTIVITY', recordedSince: '2021-01-01' }, 'demo.admin');
    expect([codeOf(adminWithout), fieldOf(adminWithout)]).toEqual(['BAD_USER_INPUT', ['input', 'townshipId']]);
    const malformed = await set(
      { townshipId: 'nope', recordKind: 'ACTIVITY', recordedSince: '2021-01-01' },
      'demo.admin',
    );
    expect([codeOf(malformed), fieldOf(malformed)]).toEqual(['BAD_USER_INPUT', ['input', 'townshipId']]);
    const unknown = await set(
      { townshipId: '01900000-0000-7000-8000-000000000000', recordKind: 'ACTIVITY', recordedSince: '2021-01-01' },
      'demo.admin',
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    for (const login of ['qunli.viewer', 'demo.staff', 'demo.analyst']) {
      const refused = await set(
        { townshipId: idOf.get('QUNLI')!, recordKind: 'ACTIVITY', recordedSince: '2021-01-01' },
        login,
      );
      expect({ login, code: codeOf(refused) }).toEqual({ login, code: 'FORBIDDEN' });
    }
    expect(await coverageOf('QUNLI')).toEqual([{ recordKind: 'ELECTION', recordedSince: '2021-01-01' }]);
  });
});
