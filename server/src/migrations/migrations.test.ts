import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from '../database/create-orm.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { migrationList } from './migration-list.js';

describe('migrations', () => {
  let database: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    orm = await createOrm({ clientUrl: database.ownerUrl });
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('lists every migration file of the folder, in order', () => {
    const files = readdirSync(dirname(fileURLToPath(import.meta.url)))
      .filter((f) => /^Migration\d+.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(migrationList.map((m) => m.name)).toEqual(files);
  });

  it('migrate an empty database to a schema that matches the entities exactly', async () => {
    const applied = await orm.migrator.up();
    expect(applied.map((m) => m.name)).toEqual(migrationList.map((m) => m.name));
    // Every entity and column is covered by a committed migration: nothing left to generate.
    const drift = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(drift.trim()).toBe('');
    const tables = await orm.em.fork().execute<{ table_name: string }[]>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    const expected = [...orm.getMetadata()].filter((m) => !m.abstract).map((m) => m.tableName);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(expected));
  });

  it('migrates down to empty and up again', async () => {
    await orm.migrator.down({ to: 0 });
    const left = await orm.em.fork().execute<{ n: string }[]>(
      "select count(*) as n from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations'",
    );
    expect(Number(left[0]!.n)).toBe(0);
    await orm.migrator.up();
    expect(await orm.migrator.getPending()).toEqual([]);
  });
});
