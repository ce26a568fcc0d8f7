import type pg from 'pg';
import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';

/**
 * The data version without a row lock (migration data_version_without_lock): writers of one county append
 * change rows and never wait on each other; the version is the sum the reader's snapshot sees.
 */
describe('county data version: lock-free, snapshot-exact, compacted without loss', () => {
  let database: TestDatabase;
  let county: string;
  let townships: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await withDatabaseClient(database.ownerUrl, async (client) => {
      const { rows } = await client.query<{ county_id: string; ids: string[] }>(
        `select county_id, array_agg(id order by id)::text[] as ids from township group by county_id order by count(*) desc limit 1`,
      );
      county = rows[0]!.county_id;
      townships = rows[0]!.ids;
    });
    expect(townships.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(() => database.drop());

  const withClient = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> =>
    withDatabaseClient(database.ownerUrl, work);

  const version = (client: pg.Client): Promise<bigint> =>
    client
      .query<{ v: string }>('select renda_data_version($1)::text as v', [county])
      .then(({ rows }) => BigInt(rows[0]!.v));

  const touch = (client: pg.Client, township: string) =>
    client.query(`update township set name = name where county_id = $1 and id = $2`, [county, township]);

  const changeRows = (client: pg.Client): Promise<number> =>
    client
      .query<{ n: number }>('select count(*)::int as n from county_data_change where county_id = $1', [county])
      .then(({ rows }) => rows[0]!.n);

  it('two uncommitted writers of one county do not wait on each other', async () => {
    await withClient(async (reader) => {
      const before = await version(reader);
      await withClient((first) =>
        withClient(async (second) => {
          await first.query('begin');
          await touch(first, townships[0]!);
          await second.query('begin');
          // a wait on any lock the first writer holds fails this statement instead of blocking it
          await second.query(`set local lock_timeout = '100ms'`);
          await touch(second, townships[1]!);
          await second.query('commit');
          await first.query('commit');
        }),
      );
      expect(await version(reader)).toBe(before + 2n);
    });
  });

  it('a write committed after a later one still changes the version a reader sees (out-of-order commits)', async () => {
    await withClient(async (reader) => {
      const before = await version(reader);
      await withClient((early) =>
        withClient(async (late) => {
          await early.query('begin');
          await touch(early, townships[0]!); // takes the lower change id
          await late.query('begin');
          await touch(late, townships[1]!); // the higher one
          await late.query('commit');
          const afterLate = await version(reader);
          expect(afterLate).toBe(before + 1n);
          await early.query('commit');
          expect(await version(reader)).toBe(afterLate + 1n);
        }),
      );
    });
  });

  it('compaction keeps the version, skips rows other transactions hold, and loses no concurrent change', async () => {
    await withClient(async (reader) => {
      for (const township of townships) await touch(reader, township);
      const before = await version(reader);

      await withClient((writer) =>
        withClient((compactor) =>
          withClient(async (second) => {
            // a writer's change, not committed yet: invisible to the compaction, so it must stay
            await writer.query('begin');
            await touch(writer, townships[2]!);
            await compactor.query('begin');
            await compactor.query('select renda_compact_data_version($1)', [county]);
            // a second compaction at the same time neither waits nor folds the rows the first holds
            await second.query('begin');
            await second.query(`set local lock_timeout = '100ms'`);
            await second.query('select renda_compact_data_version($1)', [county]);
            await second.query('commit');
            expect(await version(reader)).toBe(before);
            await compactor.query('commit');
            expect(await version(reader)).toBe(before);
            expect(await changeRows(reader)).toBe(1);
            await writer.query('commit');
          }),
        ),
      );
      expect(await version(reader)).toBe(before + 1n);
      expect(await changeRows(reader)).toBe(2);
    });
  });

  it('compacts from the trigger now and then: many writes leave few rows and the exact version', async () => {
    await withClient(async (client) => {
      const before = await version(client);
      for (let i = 0; i < 200; i += 1) await touch(client, townships[i % townships.length]!);
      expect(await version(client)).toBe(before + 200n);
      // one row in 64 compacts its county: at most 63 rows since the last compaction, plus its sum
      expect(await changeRows(client)).toBeLessThanOrEqual(64);
    });
  });

  it('is read with one index-only probe of the primary key, the county’s own rows only', async () => {
    const plan = await withClient(async (client) => {
      await client.query('begin');
      try {
        // the test database is too small for the planner to prefer an index on its own
        await client.query('set local enable_seqscan = off');
        await client.query('set local enable_bitmapscan = off');
        const body = await client.query<{ body: string }>(
          `select prosrc as body from pg_proc where proname = 'renda_data_version'`,
        );
        // The function's one statement: the whole body of the SQL form, the returned select of PL/pgSQL's.
        const source = body.rows[0]!.body;
        const statement = /\breturn\s*\((select[\s\S]*)\)\s*;\s*end\b/i.exec(source)?.[1] ?? source;
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(
          `explain ${statement.replace(/\bcounty\b(?!_)/g, `'${county}'::uuid`)}`,
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      } finally {
        await client.query('rollback');
      }
    });
    expect(plan).toContain('Index Only Scan using county_data_change_pkey');
    expect(plan.match(/Scan/g)).toHaveLength(1);
  });

  it('a platform row (no county) raises every county’s version once, in the writing transaction', async () => {
    await withClient(async (client) => {
      const versions = async () =>
        (
          await client.query<{ id: string; v: string }>(
            'select id, renda_data_version(id)::text as v from county order by id',
          )
        ).rows.map((r) => ({ id: r.id, v: BigInt(r.v) }));
      const before = await versions();
      expect(before.length).toBeGreaterThanOrEqual(1);
      await client.query('begin');
      await client.query(
        `insert into calendar_day (id, county_id, day, kind, name) values ('01a24f00-0000-7000-8000-00000000d001', null, '2032-10-09', 'WORKDAY', '调休')`,
      );
      expect(await versions()).toEqual(before.map((c) => ({ id: c.id, v: c.v + 1n })));
      // kept in each county's own rows: a version never reads another county's (or a platform) shard
      const nil = await client.query<{ n: number }>(
        `select count(*)::int as n from county_data_change where county_id = '00000000-0000-0000-0000-000000000000'`,
      );
      expect(nil.rows[0]!.n).toBe(0);
      await client.query('rollback');
      expect(await versions()).toEqual(before);
    });
  });

  it('a rolled-back compaction leaves the rows and the version as they were', async () => {
    await withClient(async (client) => {
      await touch(client, townships[0]!);
      const before = await version(client);
      const rows = await changeRows(client);
      await client.query('begin');
      await client.query('select renda_compact_data_version($1)', [county]);
      await client.query('rollback');
      expect(await version(client)).toBe(before);
      expect(await changeRows(client)).toBe(rows);
    });
  });

  it('a transaction raises its county’s version once, however many of its statements write there', async () => {
    await withClient(async (client) => {
      const before = { version: await version(client), rows: await changeRows(client) };
      await client.query('begin');
      for (const township of townships) await touch(client, township);
      await client.query(`update deputy set name = name where county_id = $1 and township_id = $2`, [
        county,
        townships[0],
      ]);
      // the writing transaction sees its own change at once
      expect(await version(client)).toBe(before.version + 1n);
      await client.query('commit');
      expect(await version(client)).toBe(before.version + 1n);
      expect(await changeRows(client)).toBe(before.rows + 1);
    });
  });

  it('a savepoint rolled back takes its change row with it, and the next write appends one again', async () => {
    await withClient(async (client) => {
      const before = await version(client);
      await client.query('begin');
      await client.query('savepoint first');
      await touch(client, townships[0]!);
      await client.query('rollback to savepoint first');
      expect(await version(client)).toBe(before);
      await touch(client, townships[1]!);
      await client.query('commit');
      expect(await version(client)).toBe(before + 1n);
    });
  });
});
