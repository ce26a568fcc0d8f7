import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { createOrm } from '../database/create-orm.js';
import { addSecondCounty } from '../test-support/add-second-county.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { migrationList } from './migration-list.js';

const MINE = 'Migration20261207014000_shard_keys';

/** The columns of a table's primary key, in order. */
async function primaryKey(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ columns: string[] }>(
    `select array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns
       from pg_constraint c where c.conrelid = $1::regclass and c.contype = 'p'`,
    [table],
  );
  return rows[0]!.columns;
}

describe('shard keys migration on a populated database (two counties)', () => {
  const previous = migrationList[migrationList.findIndex((m) => m.name === MINE) - 1]!.name;
  /** This migration and every later one: what stays pending while this one refuses. */
  const fromMine = migrationList.slice(migrationList.findIndex((m) => m.name === MINE)).map((m) => m.name);
  let database: TestDatabase;
  let orm: MikroORM;
  /** A participation and a deputy of the same county but another township. */
  let crossTownship: { participant: string; deputy: string; original: string };
  /** A deputy with a station, and a station of the other county. */
  let crossCounty: { deputy: string; station: string; original: string };
  const asOwner = <T>(work: (client: pg.Client) => Promise<T>) => withDatabaseClient(database.ownerUrl, work);
  const pending = async () => (await orm.migrator.getPending()).map((m) => m.name);

  beforeAll(async () => {
    database = await createTestDatabase();
    await addSecondCounty(database.ownerUrl);
    orm = await createOrm({ clientUrl: database.ownerUrl });
    await orm.migrator.down({ to: previous });
    await asOwner(async (client) => {
      crossTownship = (
        await client.query(
          `select p.id as participant, p.deputy_id as original, d.id as deputy
             from activity_participant p join deputy d on d.county_id = p.county_id and d.township_id <> p.township_id
            order by p.id, d.id limit 1`,
        )
      ).rows[0];
      crossCounty = (
        await client.query(
          `select d.id as deputy, d.station_id as original, s.id as station
             from deputy d join station s on s.county_id <> d.county_id
            where d.station_id is not null order by d.id, s.id limit 1`,
        )
      ).rows[0];
    });
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('starts from the keys of before: primary key (id) alone', async () => {
    expect(await pending()).toEqual(fromMine);
    expect(await asOwner((client) => primaryKey(client, 'deputy'))).toEqual(['id']);
  });

  it("refuses, naming the table, the constraint and the row, while a participation points at another township's deputy", async () => {
    await asOwner((c) =>
      c.query('update activity_participant set deputy_id = $2 where id = $1', [
        crossTownship.participant,
        crossTownship.deputy,
      ]),
    );
    await expect(orm.migrator.up()).rejects.toThrow(
      `shard keys: 1 row(s) of activity_participant reference a deputy of another county or township (activity_participant.deputy_id, constraint activity_participant_deputy_id_foreign; first: id ${crossTownship.participant})`,
    );
    // One transaction: nothing of it stayed.
    expect(await pending()).toEqual(fromMine);
    expect(await asOwner((client) => primaryKey(client, 'deputy'))).toEqual(['id']);
    await asOwner((c) =>
      c.query('update activity_participant set deputy_id = $2 where id = $1', [
        crossTownship.participant,
        crossTownship.original,
      ]),
    );
  });

  it("refuses while a deputy's station belongs to another county", async () => {
    await asOwner((c) =>
      c.query('update deputy set station_id = $2 where id = $1', [crossCounty.deputy, crossCounty.station]),
    );
    await expect(orm.migrator.up()).rejects.toThrow(
      /shard keys: 1 row\(s\) of deputy reference a station of another county or township \(deputy\.station_id, constraint deputy_station_id_foreign/,
    );
    expect(await pending()).toEqual(fromMine);
    await asOwner((c) =>
      c.query('update deputy set station_id = $2 where id = $1', [crossCounty.deputy, crossCounty.original]),
    );
  });

  it('migrates the populated database once the references are corrected', async () => {
    await orm.migrator.up();
    expect(await pending()).toEqual([]);
    await asOwner(async (client) => {
      expect(await primaryKey(client, 'deputy')).toEqual(['id', 'county_id', 'township_id']);
      expect(await primaryKey(client, 'township')).toEqual(['id', 'county_id']);
      const nullCounty = await client.query(`select count(*)::int as n from audit_log where county_id is null`);
      expect(nullCounty.rows[0].n).toBe(0);
    });
  });

  it('then refuses such rows itself, even from the owner (who bypasses row-level security)', async () => {
    await expect(
      asOwner((c) =>
        c.query('update activity_participant set deputy_id = $2 where id = $1', [
          crossTownship.participant,
          crossTownship.deputy,
        ]),
      ),
    ).rejects.toMatchObject({ code: '23503', constraint: 'activity_participant_deputy_id_foreign' });
    await expect(
      asOwner((c) =>
        c.query('update deputy set station_id = $2 where id = $1', [crossCounty.deputy, crossCounty.station]),
      ),
    ).rejects.toMatchObject({ code: '23503', constraint: 'deputy_station_id_foreign' });
  });

  it('a deleted station clears only the station of its deputies, not their county or township', async () => {
    const { rows } = await asOwner(async (client) => {
      await client.query('delete from station where id = $1', [crossCounty.original]);
      return client.query('select station_id, county_id, township_id from deputy where id = $1', [crossCounty.deputy]);
    });
    expect(rows[0]).toMatchObject({ station_id: null, county_id: expect.any(String), township_id: expect.any(String) });
  });

  it('migrates down to the keys of before and up again', async () => {
    await orm.migrator.down({ to: previous });
    expect(await asOwner((client) => primaryKey(client, 'activity_participant'))).toEqual(['id']);
    await orm.migrator.up();
    expect(await asOwner((client) => primaryKey(client, 'activity_participant'))).toEqual([
      'id',
      'county_id',
      'township_id',
    ]);
  });
});
