import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from '../database/create-orm.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { migrationList } from './migration-list.js';

/**
 * The ORM knows a row by `id` alone and a relation by its one column, while the database keys tenant rows
 * by `(id, county_id[, township_id])` and references them through `(county_id[, township_id], …)`
 * (Migration20261207014000_shard_keys). So the drift MikroORM computes holds, for those tables only, the
 * single-column primary keys and foreign keys it would put back (dropping the composite ones). Each such statement is explained only
 * when the database has the composite form of it: the primary key starts with `id` and adds `county_id`,
 * the foreign key of that name references the same table through `county_id` and the same column (a drop
 * only beside the add that puts the single-column key back).
 * Anything else is real drift.
 */
async function shardKeyDrift(orm: MikroORM, drift: string) {
  const em = orm.em.fork();
  const keys = await em.execute<{ table: string; name: string; type: string; columns: string[]; references: string | null }[]>(
    `select c.conrelid::regclass::text as "table", c.conname as name, c.contype as type, c.confrelid::regclass::text as "references",
            array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns
       from pg_constraint c where c.connamespace = 'public'::regnamespace and c.contype in ('p', 'f')`,
  );
  const shardedKey = (table: string) =>
    keys.find((k) => k.table === table && k.type === 'p' && k.columns[0] === 'id' && k.columns.includes('county_id'));
  const statements = drift.split(/;\s*/).map((s) => s.trim()).filter(Boolean);
  const unexplained = statements.filter((statement) => {
    const pkey = /^alter table "(\w+)" (?:drop constraint "\1_pkey"|add primary key \("id"\))$/.exec(statement);
    if (pkey) return !shardedKey(pkey[1]!);
    const dropped = /^alter table "(\w+)" drop constraint "(\w+_foreign)"$/.exec(statement);
    if (dropped) {
      const existing = keys.find((k) => k.table === dropped[1] && k.name === dropped[2] && k.type === 'f');
      // explained only beside the single-column key it would put back; a drop alone is real drift
      const putBack = statements.some((s) => s.startsWith(`alter table "${dropped[1]}" add constraint "${dropped[2]}" `));
      return existing?.columns[0] !== 'county_id' || !putBack;
    }
    const fk = /^alter table "(\w+)" add constraint "(\w+)" foreign key \("(\w+)"\) references "(\w+)" \("id"\)/.exec(statement);
    if (fk) {
      const [, table, name, column, references] = fk;
      const existing = keys.find((k) => k.table === table && k.name === name && k.type === 'f');
      return !(existing && existing.references === references && existing.columns[0] === 'county_id' && existing.columns.at(-1) === column);
    }
    return true;
  });
  return { unexplained, explained: statements.length - unexplained.length };
}

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
    // Every entity and column is covered by a committed migration: nothing left to generate, except the
    // shard keys MikroORM cannot express (shardKeyDrift).
    const drift = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(await shardKeyDrift(orm, drift)).toEqual({ unexplained: [], explained: expect.any(Number) });
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
