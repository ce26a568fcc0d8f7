import { startTestServer, type TestServer } from '../../test-support/test-server.js';

describe('the national holiday calendar', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.viewer' });
  });
  afterAll(() => t.stop());

  it('holds the 2021 National Day holiday and its make-up working days, for every signed-in role', async () => {
    const res = await t.graphql<{ calendarDays: { day: string; kind: string; countyId: string | null }[] }>(
      '{ calendarDays(from: "2021-09-25", to: "2021-10-10") { day kind countyId } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.calendarDays.filter((d) => d.kind === 'WORKDAY').map((d) => d.day)).toEqual([
      '2021-09-26',
      '2021-10-09',
    ]);
    expect(res.data!.calendarDays.filter((d) => d.kind === 'HOLIDAY').map((d) => d.day)).toEqual([
      '2021-10-01',
      '2021-10-04',
      '2021-10-05',
      '2021-10-06',
      '2021-10-07',
    ]);
    const n = await t.graphql<{ addWorkingDays: string }>('{ addWorkingDays(from: "2021-09-24", days: 8) }');
    expect(n.data!.addWorkingDays).toBe('2021-10-11');
  });
});
