import 'reflect-metadata';
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from '../../database/create-orm.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { entityClasses } from '../../database/entity-classes.js';
import { findReadOnlyRows, type FindReadOnlyOptions } from './find-read-only.js';

/**
 * A read's statement is written by MikroORM's query builder the first time its shape is seen, and reused
 * with other values after. What must hold: every read answers what the builder's own statement answers,
 * whatever values a shape comes back with, and a shape seen before does not go through the builder again.
 */

type Row = Record<string, unknown>;

// common/ names no domain: the entities read here are taken from the registry by name.
const entityNamed = (name: string) => entityClasses.find((entity) => entity.name === name) as EntityClass<object>;
const Township = entityNamed('Township');
const Deputy = entityNamed('Deputy');
const MetricDefinition = entityNamed('MetricDefinition');

/** A fork whose query builders are counted. */
function countingFork(orm: MikroORM): { em: EntityManager; built: () => number } {
  const em = orm.em.fork() as EntityManager;
  let built = 0;
  const create = em.createQueryBuilder.bind(em);
  em.createQueryBuilder = ((...args: Parameters<typeof create>) => {
    built += 1;
    return create(...args);
  }) as typeof em.createQueryBuilder;
  return { em, built: () => built };
}

describe('findReadOnly: one statement per shape, every value answered as the builder answers it', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let townships: { id: string; county: string; code: string }[];
  let deputies: { id: string; township: string }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await createOrm({ clientUrl: database.ownerUrl });
    townships = await orm.em
      .fork()
      .execute<{ id: string; county: string; code: string }[]>(
        'select id, county_id as county, code from township order by id',
      );
    deputies = await orm.em
      .fork()
      .execute<{ id: string; township: string }[]>('select id, township_id as township from deputy order by id');
    expect(townships.length).toBeGreaterThan(2);
    expect(deputies.length).toBeGreaterThan(4);
  });
  afterAll(async () => {
    await orm?.close(true);
    await database?.drop();
  });

  /** What the query builder's own statement answers, as raw rows (every column; compared on the read's). */
  async function builderRows<T extends object>(
    entity: EntityClass<T>,
    where: FilterQuery<T>,
    options: FindReadOnlyOptions = {},
  ): Promise<Row[]> {
    const qb = (orm.em.fork() as EntityManager)
      .createQueryBuilder(entity, 't')
      .select('*')
      .where(where as never);
    if (options.orderBy) qb.orderBy(options.orderBy as never);
    if (options.limit) qb.limit(options.limit);
    return qb.execute<Row[]>('all', false);
  }

  /** The read's rows beside the builder's, each builder row cut to the read's columns. */
  async function readAndExpected<T extends object>(
    em: EntityManager,
    entity: EntityClass<T>,
    where: FilterQuery<T>,
    options: FindReadOnlyOptions = {},
  ): Promise<{ read: Row[]; expected: Row[] }> {
    const read = (await findReadOnlyRows(em, entity, where, options)).map((found) => found.row);
    const all = await builderRows(entity, where, options);
    const columns = Object.keys(read[0] ?? {});
    return { read, expected: all.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]]))) };
  }

  it('answers each shape, with new values each time, exactly as the builder does, and builds it once', async () => {
    const [a, b, c] = townships;
    const cases: [EntityClass<object>, (i: number) => FilterQuery<object>, FindReadOnlyOptions][] = [
      [Township, (i) => ({ id: townships[i]!.id }), { limit: 1 }],
      [Township, (i) => ({ id: townships[i]!.id, county: townships[i]!.county }), { orderBy: { id: 'asc' } }],
      [Township, (i) => ({ code: townships[i]!.code }), { orderBy: { id: 'asc' } }],
      [
        Deputy,
        (i) => ({ township: { $in: [deputies[i]!.township, deputies[i + 1]!.township] } }),
        { orderBy: { id: 'asc' } },
      ],
      [Deputy, (i) => ({ id: { $in: [deputies[i]!.id, deputies[i + 2]!.id] } }), { orderBy: { id: 'asc' } }],
      [Township, () => ({}), { orderBy: { code: 'desc', id: 'asc' }, limit: 2 }],
      // the metric catalog's filter: the platform's rows (no county) or the county's
      [
        MetricDefinition,
        (i) => ({ $or: [{ county: null }, { county: townships[i]!.county }] }),
        { orderBy: { key: 'asc' } },
      ],
      [
        Township,
        (i) => ({ $or: [{ id: townships[i]!.id }, { code: townships[i + 1]!.code }] }),
        { orderBy: { id: 'asc' } },
      ],
    ];
    expect([a, b, c].every(Boolean)).toBe(true);
    for (const [index, [entity, where, options]] of cases.entries()) {
      const { em, built } = countingFork(orm);
      for (const i of [0, 1, 2]) {
        const { read, expected } = await readAndExpected(em, entity, where(i), options);
        expect(read.length).toBeGreaterThan(0);
        expect(read).toStrictEqual(expected);
      }
      // Written once for the shape, across its three sets of values.
      expect({ case: index, built: built() }).toEqual({ case: index, built: 1 });
    }
  });

  it('a value that changes the statement is a shape of its own: a longer list, an empty one, an operator', async () => {
    const { em, built } = countingFork(orm);
    const ids = deputies.map((d) => d.id);
    for (const n of [4, 5, 0, 5, 4, 0]) {
      const { read, expected } = await readAndExpected(
        em,
        Deputy,
        { id: { $in: ids.slice(0, n) } },
        { orderBy: { id: 'asc' } },
      );
      expect(read.map((row) => row['id'])).toStrictEqual(ids.slice(0, n));
      expect(read).toStrictEqual(expected);
    }
    // Each length a shape of its own, written once: three, not six.
    expect(built()).toBe(3);
    // An operator the shapes do not cover goes through the builder every time, answering each value.
    const idsAbove = async (n: number) =>
      (await findReadOnlyRows(em, Deputy, { id: { $gt: ids[ids.length - n]! } }, { orderBy: { id: 'asc' } })).map(
        (found) => found.row['id'],
      );
    expect(await idsAbove(3)).toStrictEqual(ids.slice(-2));
    expect(await idsAbove(2)).toStrictEqual(ids.slice(-1));
    expect(built()).toBe(5);
  });

  it('keeps lazy columns apart: a read with the phone is not the read without it', async () => {
    const { em } = countingFork(orm);
    const id = deputies[0]!.id;
    const [plainRead] = await findReadOnlyRows(em, Deputy, { id });
    const [withPhone] = await findReadOnlyRows(em, Deputy, { id }, { lazy: ['phone'] });
    expect(plainRead!.row).not.toHaveProperty('phone');
    expect(withPhone!.row).toHaveProperty('phone');
    const [again] = await findReadOnlyRows(em, Deputy, { id });
    expect(again!.row).not.toHaveProperty('phone');
  });
});
