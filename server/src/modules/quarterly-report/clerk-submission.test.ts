import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { withDatabaseClient } from '../../test-support/test-cluster.js';

interface Payload {
  replayed: boolean;
  unchanged: boolean;
  report: { id: string; state: string; version: number; revision: number };
  revision: { id: string; revision: number };
}
interface Draft {
  electionHeld: boolean | null;
  values: { metricKey: string; group: string }[];
}

const SUBMIT = `mutation ($input: SubmitQuarterlyReportInput!) {
  submitQuarterlyReport(input: $input) { replayed unchanged report { id state version revision } revision { id revision } }
}`;
const GROUPS = ['SUPERVISION', 'DEPUTY_ACTIVITIES', 'SUGGESTIONS', 'VOTER_CONTACT', 'ELECTIONS', 'OTHER'];
/** resolutions_made is never counted from records: any figure for it is a change that needs no reason. */
const resolutions = (n: number) => [{ metricKey: 'resolutions_made', reportedValue: n }];

describe('the clerk’s submission: unchanged values, sections and elections', () => {
  let t: TestServer;
  let n = 0;
  const key = () => `clerk-${Date.now()}-${(n += 1)}`;
  const submit = async (input: Record<string, unknown>, as = 'qunli.clerk') => {
    const res = await t.graphql<{ submitQuarterlyReport: Payload }>(
      SUBMIT,
      { input: { idempotencyKey: key(), ...input } },
      { as },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.submitQuarterlyReport;
  };
  const draft = async (year: number, quarter: number, as = 'qunli.clerk') => {
    const res = await t.graphql<{ quarterlyReportDraft: Draft }>(
      'query ($y: Int!, $q: Int!) { quarterlyReportDraft(year: $y, quarter: $q) { electionHeld values { metricKey group } } }',
      { y: year, q: quarter },
      { as },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.quarterlyReportDraft;
  };
  const revisions = async (reportId: string) =>
    Number(
      (
        await withDatabaseClient(t.database.url, (su) =>
          su.query<{ n: string }>('select count(*) as n from quarterly_report_revision where report_id = $1', [
            reportId,
          ]),
        )
      ).rows[0]!.n,
    );

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
  });
  afterAll(() => t.stop());

  it('stores nothing for exactly the stored values and says so, even from a stale version; any change is a revision', async () => {
    const first = await submit({ year: 2025, quarter: 1, expectedVersion: 0, values: resolutions(3) });
    expect(first).toMatchObject({ unchanged: false, report: { version: 1, revision: 1 } });
    const same = await submit({ year: 2025, quarter: 1, expectedVersion: 1, values: resolutions(3) });
    expect(same).toMatchObject({ unchanged: true, replayed: false, report: { version: 1, revision: 1 } });
    expect(same.revision.id).toBe(first.revision.id);
    // From a stale version too: there is nothing to merge.
    expect(await submit({ year: 2025, quarter: 1, expectedVersion: 0, values: resolutions(3) })).toMatchObject({
      unchanged: true,
    });
    expect(await revisions(first.report.id)).toBe(1);

    const changed = await submit({ year: 2025, quarter: 1, expectedVersion: 1, values: resolutions(4) });
    expect(changed).toMatchObject({ unchanged: false, report: { version: 2, revision: 2 } });
    expect(await revisions(first.report.id)).toBe(2);
  });

  it('takes a returned report resubmitted unchanged as a new revision: it answers the return', async () => {
    const first = await submit({ year: 2025, quarter: 2, expectedVersion: 0, values: resolutions(1) });
    const returned = await t.graphql(
      'mutation ($id: ID!) { returnQuarterlyReport(id: $id, expectedVersion: 1, reason: "请核实决议数") { state } }',
      { id: first.report.id },
      { as: 'demo.staff' },
    );
    expect(returned.errors).toBeUndefined();
    const again = await submit({ year: 2025, quarter: 2, expectedVersion: 2, values: resolutions(1) });
    expect(again).toMatchObject({ unchanged: false, report: { state: 'SUBMITTED', revision: 2 } });
    // Accepted, then the same values with a correction reason: nothing was corrected.
    const accepted = await t.graphql(
      'mutation ($id: ID!) { acceptQuarterlyReport(id: $id, expectedVersion: 3) { state } }',
      { id: first.report.id },
      { as: 'demo.staff' },
    );
    expect(accepted.errors).toBeUndefined();
    const noCorrection = await submit({
      year: 2025,
      quarter: 2,
      expectedVersion: 4,
      values: resolutions(1),
      correctionReason: '无',
    });
    expect(noCorrection).toMatchObject({ unchanged: true, report: { state: 'ACCEPTED', version: 4 } });
    expect(await revisions(first.report.id)).toBe(2);
  });

  it('stores one revision when the same new values arrive several times at once (different keys, same version)', async () => {
    const first = await submit({ year: 2025, quarter: 3, expectedVersion: 0, values: resolutions(1) });
    const all = await Promise.all(
      [1, 2, 3, 4].map(() => submit({ year: 2025, quarter: 3, expectedVersion: 1, values: resolutions(2) })),
    );
    expect(all.filter((p) => !p.unchanged)).toHaveLength(1);
    expect(all.filter((p) => p.unchanged)).toHaveLength(3);
    expect(new Set(all.map((p) => p.revision.id)).size).toBe(1);
    expect(all.every((p) => p.report.version === 2)).toBe(true);
    expect(await revisions(first.report.id)).toBe(2);
  });

  it('answers unchanged when the same values committed while it waited for the report’s lock', async () => {
    const first = await submit({ year: 2025, quarter: 4, expectedVersion: 0, values: resolutions(1) });
    // Hold the report row: both submissions read version 1 with other values, then wait at the upsert.
    const holder = new pg.Client({ connectionString: t.database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      // By its county too: a Citus cluster locks rows only in a statement routed to one shard.
      const { rows } = await holder.query<{ county_id: string }>(
        'select county_id from quarterly_report where id = $1',
        [first.report.id],
      );
      await holder.query('select 1 from quarterly_report where county_id = $1 and id = $2 for update', [
        rows[0]!.county_id,
        first.report.id,
      ]);
      const both = Promise.all(
        [1, 2].map(() => submit({ year: 2025, quarter: 4, expectedVersion: 1, values: resolutions(2) })),
      );
      // Waiting on the row lock: here, or on a Citus cluster on the worker holding the shard (its
      // statement then names the shard, quarterly_report_<n>).
      const waiting = () =>
        withDatabaseClient(t.database.url, async (su) => {
          const citus = (await su.query(`select to_regclass('pg_catalog.citus_stat_activity') as v`)).rows[0]!.v;
          const { rows } = await su.query<{ n: string }>(
            `select count(*) as n from ${citus ? 'citus_stat_activity' : 'pg_stat_activity'}
              where wait_event_type = 'Lock' and query ilike '%insert into %quarterly_report% as q %'`,
          );
          return Number(rows[0]!.n);
        });
      for (let i = 0; i < 400 && (await waiting()) < 2; i += 1) await sleep(25);
      expect(await waiting()).toBe(2);
      await holder.query('commit');
      const answers = await both;
      // One stored the values; the other, refused by the version check under the lock, found them stored.
      expect(answers.map((a) => a.unchanged).sort()).toEqual([false, true]);
      expect(answers[0]!.revision.id).toBe(answers[1]!.revision.id);
      expect(answers.every((a) => a.report.version === 2)).toBe(true);
      expect(await revisions(first.report.id)).toBe(2);
    } finally {
      await holder.end();
    }
  });

  it('lists the metrics by section in catalog order', async () => {
    const catalog = await t.graphql<{ metricDefinitions: { key: string; group: string; position: number }[] }>(
      '{ metricDefinitions { key group position } }',
    );
    expect(catalog.errors).toBeUndefined();
    const place = new Map(catalog.data!.metricDefinitions.map((m) => [m.key, m]));
    const { values } = await draft(2021, 2);
    expect(values).toHaveLength(46);
    const order = values.map((v) => [GROUPS.indexOf(v.group), place.get(v.metricKey)!.position]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(values[0]!.group).toBe('SUPERVISION');
    expect(values.map((v) => v.group).filter((g, i, all) => all.indexOf(g) === i)).toEqual(GROUPS.slice(0, 5));
    expect(values.every((v) => v.group === place.get(v.metricKey)!.group)).toBe(true);
  });

  it('shows election metrics only for a period with an election, and keeps them when the records cannot tell', async () => {
    const elections = (d: Draft) => d.values.filter((v) => v.group === 'ELECTIONS').map((v) => v.metricKey);
    // 群利镇 held its general election on 2021-06-26 and a by-election on 2021-07-09.
    const q2 = await draft(2021, 2);
    expect(q2.electionHeld).toBe(true);
    expect(elections(q2)).toContain('election_turnout');
    expect((await draft(2021, 3)).electionHeld).toBe(true);
    const q4 = await draft(2021, 4);
    expect(q4.electionHeld).toBe(false);
    expect(elections(q4)).toEqual([]);
    expect(q4.values.length).toBe(46 - elections(q2).length);
    // 镇江镇's 2021 election is known only to its year: any 2021 quarter may have had it.
    const zhenjiang = await draft(2021, 4, 'zhenjiang.clerk');
    expect(zhenjiang.electionHeld).toBeNull();
    expect(elections(zhenjiang).length).toBe(elections(q2).length);
    expect((await draft(2022, 1, 'zhenjiang.clerk')).electionHeld).toBe(false);
    // 思盟镇 has no election records at all: unknown, so the lines stay.
    const simeng = await draft(2022, 1, 'simeng.clerk');
    expect(simeng.electionHeld).toBeNull();
    expect(elections(simeng).length).toBe(elections(q2).length);
  });
});
