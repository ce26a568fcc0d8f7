import { HOLIDAYS_2021, MAKE_UP_WORKDAYS_2021 } from '@renda/seeds';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';

/**
 * The seed package dates its generated events with its own copy of the 2021 national calendar, so it
 * can be built without a database. This keeps the copy and the platform's calendar (the migration's
 * calendar_day rows, which the working-day rules use) one calendar.
 */
describe('the seed calendar', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('has exactly the national holidays and make-up working days of 2021 that the platform has', async () => {
    const rows = await withDatabaseClient(
      t.database.url,
      async (su) =>
        (
          await su.query<{ day: string; kind: string }>(
            `select to_char(day, 'YYYY-MM-DD') as day, kind from calendar_day
            where county_id is null and day between '2021-01-01' and '2021-12-31' order by day`,
          )
        ).rows,
    );
    expect(rows.filter((r) => r.kind === 'HOLIDAY').map((r) => r.day)).toEqual([...HOLIDAYS_2021].sort());
    expect(rows.filter((r) => r.kind === 'WORKDAY').map((r) => r.day)).toEqual([...MAKE_UP_WORKDAYS_2021].sort());
  });
});
