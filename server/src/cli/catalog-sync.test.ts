import type { MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from '../database/create-orm.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import { runCliJson } from '../test-support/run-cli.js';
import { syncCatalog, type CatalogSyncResult } from './catalog-sync.js';

describe('renda catalog sync', () => {
  let database: TestDatabase;
  let owner: MikroORM;
  const sql = (text: string, params: unknown[] = []) =>
    withDatabaseClient(database.url, (client) => client.query(text, params));

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = await createOrm({ clientUrl: database.ownerUrl, poolMax: 2 });
  });
  afterAll(async () => {
    await owner.close();
    await database.drop();
  });

  it('finds a migrated database equal to the release: the migrations insert exactly what the build ships', async () => {
    const result = await syncCatalog(owner.em.fork(), true);
    expect(result.metrics).toEqual({ inserted: [], updated: [], unchanged: 46, kept: [], conflicts: [] });
    expect(result.calendar).toEqual({ inserted: [], updated: [], unchanged: 73, kept: [], conflicts: [] });
  });

  it('inserts what is missing, updates what differs, keeps retired rows and county rows, and is idempotent', async () => {
    const county = (await sql(`select id from county where code = 'DEMO'`)).rows[0].id as string;
    await sql(`delete from metric_definition where county_id is null and key in ('inspections', 'research_visits')`);
    await sql(`update metric_definition set name_zh = '旧名称' where county_id is null and key = 'presidium_meetings'`);
    const insertMetric = `insert into metric_definition (id, county_id, key, name_zh, name_en, unit, kind, higher_is_better, computation)
       values (gen_random_uuid(), $1, $2, $3, $4, '次', 'COUNT', true, 'test')`;
    await sql(insertMetric, [null, 'retired_metric', '已停用', 'Retired']);
    // The county's own metric of a key the platform lost: the platform row is not put back beside it.
    await sql(insertMetric, [county, 'research_visits', '本县调研', 'County research visits']);
    await sql(`delete from calendar_day where county_id is null and day = '2026-10-01'`);
    await sql(`update calendar_day set name = '改过' where county_id is null and day = '2025-01-01'`);
    await sql(
      `insert into calendar_day (id, county_id, day, kind, name) values (gen_random_uuid(), $1, '2026-03-02', 'HOLIDAY', '县假日')`,
      [county],
    );
    const countyRowsBefore = await sql(
      `select key as x from metric_definition where county_id is not null union all select day::text from calendar_day where county_id is not null order by 1`,
    );

    const dry = await syncCatalog(owner.em.fork(), true);
    const applied = await runCliJson<CatalogSyncResult>(['catalog', 'sync'], {
      DATABASE_URL: database.appUrl,
      MIGRATION_DATABASE_URL: database.ownerUrl,
    });
    expect({ ...applied, dryRun: true }).toEqual(dry);
    expect(applied.metrics).toEqual({
      inserted: ['inspections'],
      updated: ['presidium_meetings'],
      unchanged: 43,
      kept: ['retired_metric'],
      conflicts: ['research_visits'],
    });
    expect(applied.calendar).toEqual({
      inserted: ['2026-10-01'],
      updated: ['2025-01-01'],
      unchanged: 71,
      kept: [],
      conflicts: [],
    });

    const names = await sql(
      `select key, name_zh from metric_definition where county_id is null and key in ('inspections', 'presidium_meetings') order by key`,
    );
    expect(names.rows).toEqual([
      { key: 'inspections', name_zh: '视察次数' },
      { key: 'presidium_meetings', name_zh: '主席团会议次数' },
    ]);
    const countyRowsAfter = await sql(
      `select key as x from metric_definition where county_id is not null union all select day::text from calendar_day where county_id is not null order by 1`,
    );
    expect(countyRowsAfter.rows).toEqual(countyRowsBefore.rows);

    const again = await syncCatalog(owner.em.fork(), false);
    expect(again.metrics).toMatchObject({ inserted: [], updated: [], unchanged: 45, conflicts: ['research_visits'] });
    expect(again.calendar).toMatchObject({ inserted: [], updated: [], unchanged: 73 });
  });
});
