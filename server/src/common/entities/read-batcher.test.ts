import 'reflect-metadata';
import { Reference, type EntityClass, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from '../../database/create-orm.js';
import { entityClasses } from '../../database/entity-classes.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { mapDatabaseError } from '../errors/map-database-error.js';
import { findReadOnly } from './find-read-only.js';
import { guardReadBatches, readRows, type ReadStatement } from './read-batcher.js';

/**
 * The read batcher folds the reads queued in one tick into one statement. What must hold: each part's
 * rows are exactly the rows its own statement returns (every column type), the parts really share one
 * statement, and a failing part fails as its own statement would
 * (row-level security over folded reads: tenancy/folded-reads-rls.test.ts).
 */

type Row = Record<string, unknown>;

/** A hydrated instance as comparable data: its own fields, dates by instant, references by id. */
function plain(instance: object): Row {
  const field = (value: unknown): unknown => {
    if (value instanceof Date) return { date: value.toISOString() };
    if (Reference.isReference(value)) return { ref: (value.unwrap() as { id?: unknown }).id };
    const isEntity = value && typeof value === 'object' && !Array.isArray(value) && value.constructor !== Object;
    return isEntity && 'id' in value ? { entity: value.id } : value;
  };
  return Object.fromEntries(Object.entries(instance).map(([key, value]) => [key, field(value)]));
}

/** Runs `work` in a transaction of its own on a fresh fork, rolled back afterwards. */
async function inTransaction<R>(orm: MikroORM, work: (em: EntityManager) => Promise<R>): Promise<R> {
  const em = orm.em.fork() as EntityManager;
  await em.begin({ readOnly: true });
  try {
    return await work(em);
  } finally {
    await em.rollback();
  }
}

describe('read batcher: reads of one tick run as one statement, each answered as if alone', () => {
  let database: TestDatabase;
  let owner: MikroORM;
  let enumType: string;
  let enumValue: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = await createOrm({ clientUrl: database.ownerUrl });
    // The schema keeps enums as text with checks; a real enum type shows user-defined types come back too.
    enumType = 'read_batcher_mood';
    enumValue = '乡镇';
    await owner.em.execute(`create type ${enumType} as enum ('${enumValue}', 'other')`);
  });
  afterAll(async () => {
    await owner.close();
    await database.drop();
  });

  const everyType = (): ReadStatement => ({
    sql:
      `select null::text as "none", 7::int2 as small, 2147483647::int4 as "int", 9007199254740993::int8 as big, ` +
      `12.50::numeric as "numeric", 1.5::float8 as "float", 'NaN'::float8 as nan, true as yes, false as "no", ` +
      `'2026-01-02'::date as "date", '2026-01-02 03:04:05.123456+08'::timestamptz as stamped, ` +
      `'2026-01-02 03:04:05.5'::timestamp as "local", '1 day 02:00:00'::interval as span, ` +
      `'{"a": [1, 2.50, "x", 9007199254740993], "b": null}'::jsonb as doc, '{"a": 1.50}'::json as "raw", ` +
      `'0190f8a2-7a6e-7b3c-9d1e-2f4a5b6c7d8e'::uuid as id, array['a', 'b,c', null]::text[] as texts, ` +
      `array[1, 2]::int[] as ints, array['2026-01-01'::date] as dates, '\\x01ff'::bytea as bytes, ` +
      `? as param, cast(? as ${enumType}) as "enum", E'乡镇 "人大"\\n\\\\' as text ` +
      `from generate_series(1, ?) g order by g`,
    params: ['一个 ? 参数', enumValue, 3],
    columns: ['none', 'small', 'int', 'big', 'numeric', 'float', 'nan', 'yes', 'no', 'date', 'stamped', 'local'].concat(
      ['span', 'doc', 'raw', 'id', 'texts', 'ints', 'dates', 'bytes', 'param', 'enum', 'text'],
    ),
  });
  const startedAt = (): ReadStatement => ({
    sql: 'select statement_timestamp()::text as started',
    params: [],
    columns: ['started'],
  });

  it('returns every column type exactly as the statement alone returns it, first run and later runs', async () => {
    const direct = await inTransaction(owner, (em) => em.execute<Row[]>(everyType().sql, everyType().params));
    const fold = () =>
      inTransaction(owner, (em) =>
        Promise.all([readRows(em, everyType()), readRows(em, startedAt()), readRows(em, everyType())]),
      );
    // The first run learns the columns' types; later runs send JSON-safe columns as JSON, the rest as text.
    const first = await fold();
    const later = await fold();
    expect(direct).toHaveLength(3);
    expect(typeof direct[0]!['big']).toBe('string');
    expect(typeof direct[0]!['int']).toBe('number');
    for (const rows of [first[0], first[2], later[0], later[2]]) expect(rows).toStrictEqual(direct);
  });

  it('folds the reads of one tick into one statement, and runs a later read apart', async () => {
    const [first, second, later] = await inTransaction(owner, async (em) => {
      const together = await Promise.all([readRows(em, startedAt()), readRows(em, startedAt())]);
      return [...together, await readRows(em, startedAt())];
    });
    // statement_timestamp() is the start of the current statement: equal only within one statement.
    expect(first).toStrictEqual(second);
    expect(later).not.toStrictEqual(first);
  });

  it('an empty part stays empty beside parts with rows', async () => {
    const none = { sql: 'select 1 as one where false', params: [], columns: ['one'] };
    const [empty, rows] = await inTransaction(owner, (em) =>
      Promise.all([readRows(em, none), readRows(em, everyType())]),
    );
    expect(empty).toStrictEqual([]);
    expect(rows).toHaveLength(3);
  });

  it.each(entityClasses.map((entity) => [entity.name, entity] as const))(
    '%s: read-only rows folded beside other entities equal the rows read alone',
    async (_name, entity) => {
      const meta = owner.getMetadata().get(entity as EntityClass<object>) as EntityMetadata;
      if (!meta.simplePK || meta.primaryKeys[0] !== 'id') return;
      const read = (em: EntityManager) =>
        findReadOnly(em, entity as EntityClass<object>, {}, { orderBy: { id: 'asc' }, limit: 40 });
      // Outside a transaction a read runs alone, as before the batcher.
      const alone = await read(owner.em.fork() as EntityManager);
      const folded = () =>
        inTransaction(owner, async (em) => {
          const [rows] = await Promise.all([read(em), readRows(em, startedAt())]);
          return rows;
        });
      // Twice: the first run learns the read's types, the second sends it in the shorter form.
      for (const rows of [await folded(), await folded()]) expect(rows.map(plain)).toStrictEqual(alone.map(plain));
    },
  );

  it('a batch due after its request transaction was marked closed is refused, never run after the rollback', async () => {
    const em = owner.em.fork() as EntityManager;
    let open = false;
    guardReadBatches(em, () => open);
    await em.begin({ readOnly: true });
    open = true;
    const queued = Promise.allSettled([readRows(em, startedAt()), readRows(em, startedAt())]);
    // As endRequestTransaction does: marked closed first, then rolled back, before the batch's turn.
    open = false;
    await em.rollback();
    for (const settled of await queued) {
      expect(settled.status).toBe('rejected');
      expect(String((settled as PromiseRejectedResult).reason)).toMatch(/outlived its request transaction/);
    }
    // Read while the request has no transaction open (a sign-in's own, or none): run as they are.
    await expect(readRows(em, startedAt())).resolves.toHaveLength(1);
  });

  it('a failing part fails every part of its statement with the coded error its own statement gives', async () => {
    const bad: ReadStatement = { sql: 'select cast(? as uuid) as id', params: ['not-a-uuid'], columns: ['id'] };
    const alone = await inTransaction(owner, (em) =>
      readRows(em, bad).then(
        () => null,
        (error: unknown) => error,
      ),
    );
    const folded = await inTransaction(owner, (em) =>
      Promise.allSettled([readRows(em, startedAt()), readRows(em, bad)]),
    );
    const code = mapDatabaseError(alone)?.code;
    expect(code).toBeDefined();
    for (const settled of folded) {
      expect(settled.status).toBe('rejected');
      expect(mapDatabaseError((settled as PromiseRejectedResult).reason)?.code).toBe(code);
    }
  });
});
