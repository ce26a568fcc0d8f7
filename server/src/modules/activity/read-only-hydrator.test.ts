import 'reflect-metadata';
import { Reference, type EntityClass, type EntityMetadata, type MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createOrm } from '../../database/create-orm.js';
import { entityClasses } from '../../database/entity-classes.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo } from 'graphql';
import { ActivityService } from './activity.service.js';
import { DeputyService } from '../deputy/deputy.service.js';
import { fetchPages, newWhere } from '../../common/pagination/fetch-pages.js';
import { findReadOnly } from '../../common/entities/find-read-only.js';
import { Township } from '../township/township.entity.js';
import { Activity } from './activity.entity.js';

/** Just enough of a resolver's `info` for a connection field: its field node and the fragments. */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let field: FieldNode | undefined;
  for (const definition of parsed.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments[definition.name.value] = definition;
    else if (definition.kind === 'OperationDefinition') field = definition.selectionSet.selections[0] as FieldNode;
  }
  return { fieldNodes: [field!], fragments } as unknown as GraphQLResolveInfo;
}

/** A comparable form of a hydrated value: references by target and id, dates by instant. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return { date: value.toISOString() };
  if (Reference.isReference(value)) return { ref: value.unwrap().constructor.name, id: (value as { id?: unknown }).id };
  if (value && typeof value === 'object' && 'id' in value && value.constructor.name !== 'Object') {
    return { entity: value.constructor.name, id: (value as { id: unknown }).id };
  }
  return value;
}

describe('page rows are hydrated without the identity map, exactly as the ORM hydrates them', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    database = await createTestDatabase();
    // The owner role: row-level security would need an identity, and this compares hydration only.
    orm = await createOrm({ clientUrl: database.ownerUrl });
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('maps the fields selected on nodes and edges to the properties a page selects', () => {
    const service = new ActivityService(orm.em.fork() as EntityManager);
    expect(service.propsFor(infoOf('{ activities { totalCount nodes { id title occurredOn } } }'))).toEqual([
      'id',
      'occurredOn',
      'title',
    ]);
    expect(
      service.propsFor(
        infoOf(`{ activities { edges { cursor node { ...A ... on Activity { stationId township { name } } } }
          pageInfo { endCursor } } } fragment A on Activity { __typename type }`),
      ),
    ).toEqual(['station', 'township', 'type']);
    // A field resolver that reads only the id (listed by the service) needs nothing more.
    expect(service.propsFor(infoOf('{ activities { nodes { title participants { attendance } } } }'))).toEqual([
      'title',
    ]);
    // Any other field resolver or computed field reads what it likes: every column.
    expect(service.propsFor(infoOf('{ activities { nodes { id somethingComputed } } }'))).toBeNull();
    const deputies = new DeputyService(orm.em.fork() as EntityManager);
    expect(
      deputies.propsFor(infoOf('{ deputies { nodes { id name contactPhone activities(first: 2) { totalCount } } } }')),
    ).toEqual(['id', 'name']);
  });

  it('makes a to-one reference only when the relation is read, then keeps it on the row', async () => {
    const em = orm.em.fork() as EntityManager;
    const [activity] = await findReadOnly(em, Activity, {}, { orderBy: { id: 'asc' }, limit: 1 });
    expect(activity).toBeDefined();
    const townshipId = (await orm.em.fork().findOneOrFail(Activity, { id: activity!.id })).township.id;
    const townships = () =>
      [...em.getUnitOfWork().getIdentityMap().values()].filter((entity) => entity instanceof Township);
    // Hydrated, not yet read: no reference in the EntityManager.
    expect(townships()).toHaveLength(0);
    expect(Object.keys(activity!)).not.toContain('township');
    const township = activity!.township;
    expect(township.id).toBe(townshipId);
    expect(townships().map((t) => t.id)).toEqual([townshipId]);
    // Kept: the same reference again, now an own property as an assignment makes it.
    expect(activity!.township).toBe(township);
    expect(Object.keys(activity!)).toContain('township');
    // A read-only row may still be given another value, as any entity's property may.
    (activity as unknown as { township: unknown }).township = null;
    expect(activity!.township).toBeNull();
  });

  it.each(entityClasses.map((entity) => [entity.name, entity] as const))(
    '%s: every persisted, non-lazy property equals what em.find returns',
    async (_name, entity) => {
      const meta = orm.getMetadata().get(entity as EntityClass<object>) as EntityMetadata;
      if (!meta.simplePK || meta.primaryKeys[0] !== 'id') return;
      const em = orm.em.fork() as EntityManager;
      const pages = await fetchPages(em, {
        entity: entity as EntityClass<object>,
        where: newWhere(),
        sort: [{ column: meta.properties['id']!.fieldNames[0]!, direction: 'asc' }],
        page: { first: 60, after: null },
      });
      const items = pages.get(null)?.items ?? [];
      const managed = await orm.em
        .fork()
        .find(
          entity as EntityClass<object>,
          {},
          { orderBy: { id: 'asc' } as never, limit: 60, disableIdentityMap: true },
        );
      expect(items.map((item) => (item as { id: unknown }).id)).toEqual(
        managed.map((item) => (item as { id: unknown }).id),
      );
      const props = meta.props.filter((p) => p.persist !== false && !p.lazy && p.fieldNames?.length);
      items.forEach((item, i) => {
        expect(item).toBeInstanceOf(entity);
        for (const prop of props) {
          const name = prop.name as keyof typeof item;
          expect([prop.name, comparable(item[name])]).toEqual([prop.name, comparable(managed[i]![name])]);
        }
        // Not tracked: the commit-time flush has nothing to diff.
        expect(em.getUnitOfWork().getById(entity as EntityClass<object>, (item as { id: string }).id)).toBeFalsy();
      });
    },
  );
});
