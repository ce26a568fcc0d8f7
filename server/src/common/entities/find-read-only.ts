import {
  ReferenceKind,
  type EntityClass,
  type EntityMetadata,
  type EntityProperty,
  type FilterQuery,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readOnlyHydrator } from './read-only-hydrator.js';
import { readRows } from './read-batcher.js';

export interface FindReadOnlyOptions {
  /** Property names, as `em.find` takes them; the order must end in a unique key where it matters. */
  orderBy?: Record<string, 'asc' | 'desc'>;
  limit?: number;
  /**
   * Lazy properties to select as well, for a caller entitled to them (a deputy's phone for roles that
   * may read it): they stay off the instance and come back in `row` (`findReadOnlyRows`).
   */
  lazy?: readonly string[];
}

const selectable = new WeakMap<EntityMetadata, string[]>();

/** A persisted, non-lazy column of the entity's own table (not a collection): what a read selects. */
export function isSelectedColumn(prop: EntityProperty): boolean {
  return (
    prop.persist !== false &&
    !prop.lazy &&
    (prop.fieldNames?.length ?? 0) > 0 &&
    prop.kind !== ReferenceKind.ONE_TO_MANY &&
    prop.kind !== ReferenceKind.MANY_TO_MANY
  );
}

/**
 * The properties an ordinary read selects: every persisted column except lazy ones. Lazy columns hold
 * PII (a deputy's phone) that some database roles may not read at all, so `t.*` is never used.
 */
function selectedProperties(meta: EntityMetadata): string[] {
  let props = selectable.get(meta);
  if (!props) {
    props = meta.props.filter(isSelectedColumn).map((prop) => prop.name);
    selectable.set(meta, props);
  }
  return props;
}

/**
 * `em.find` for reads: the same filter language and one statement, but the rows become read-only
 * instances outside the identity map (`readOnlyHydrator`): no snapshot, no change set at commit, and
 * none of MikroORM's per-row entity building, which was a third of a page-load query's CPU. Row-level
 * security still does the filtering: this runs in the request's transaction like every other read.
 * Writes keep `em.find`/`em.findOne`: a mutation must see (and flush) what it changes.
 */
export async function findReadOnly<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: FindReadOnlyOptions = {},
): Promise<T[]> {
  return (await findReadOnlyRows(em, entity, where, options)).map((found) => found.entity);
}

/** `findReadOnly`, each instance with the raw row it was built from (column names, lazy columns included). */
export async function findReadOnlyRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: FindReadOnlyOptions = {},
): Promise<{ entity: T; row: Record<string, unknown> }[]> {
  const hydrate = readOnlyHydrator(em, entity) ?? ((row: Record<string, unknown>) => em.map(entity, row as never) as T);
  const meta = em.getMetadata().get(entity) as EntityMetadata;
  const props = [...selectedProperties(meta), ...(options.lazy ?? [])];
  const qb = em
    .createQueryBuilder(entity, 't')
    .select(props as never)
    .where(where as never);
  if (options.orderBy) qb.orderBy(options.orderBy as never);
  if (options.limit) qb.limit(options.limit);
  // The query builder writes the statement; the request's read batcher runs it with its siblings.
  const { sql, params } = qb.toQuery();
  const columns = [
    ...new Set(props.flatMap((name) => meta.properties[name as keyof typeof meta.properties]!.fieldNames)),
  ];
  const rows = await readRows(em, { sql, params, columns });
  return rows.map((row) => ({ entity: hydrate(row), row }));
}

/** One row by a filter, read-only (see `findReadOnly`); null when none. */
export async function findOneReadOnly<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
): Promise<T | null> {
  const [row] = await findReadOnly(em, entity, where, { limit: 1 });
  return row ?? null;
}
