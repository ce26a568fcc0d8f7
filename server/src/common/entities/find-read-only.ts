import {
  ReferenceKind,
  type EntityClass,
  type EntityMetadata,
  type EntityProperty,
  type FilterQuery,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rowHydrator } from './read-only-hydrator.js';
import { readWith, type ReadAlongside } from './read-alongside.js';

export interface FindReadOnlyOptions {
  /** Property names, as `em.find` takes them; the order must end in a unique key where it matters. */
  orderBy?: Record<string, 'asc' | 'desc'>;
  limit?: number;
  /**
   * Lazy properties to select as well, for a caller entitled to them (a deputy's phone for roles that
   * may read it): they stay off the instance and come back in `row` (`findReadOnlyRows`).
   */
  lazy?: readonly string[];
  /**
   * Only these properties (the primary key is always read), when the caller knows what will be read
   * (`propsForFields`); the others stay undefined on the instances. Absent: every non-lazy column.
   */
  props?: readonly string[] | null;
  /** Child lists read in the same statement (`readWith`). */
  alongside?: readonly ReadAlongside[];
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

/** What a read selects: `props` and the primary key when the caller names them, else `selectedProperties`. */
export function readProperties(meta: EntityMetadata, props: readonly string[] | null | undefined): string[] {
  return props ? [...new Set([...meta.primaryKeys, ...props])] : selectedProperties(meta);
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

/** A statement written once for a read's shape: its SQL and the columns it returns. */
interface ShapeStatement {
  sql: string;
  columns: string[];
}

/** Per entity, per shape: the statement, or null where the query builder's output is not the shape's. */
const shapeStatements = new WeakMap<EntityMetadata, Map<string, ShapeStatement | null>>();

type Scalar = string | number | boolean;
/** Longer `$in` lists (rare: a loader's batch) are written by the builder each time, not kept per length. */
const MAX_LIST = 128;
const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * A filter's parts as a shape: plain equalities, `null` (written `is null`, no parameter), `$in` lists of
 * scalars, and `$or` of such filters (the metric catalog's "the platform's or the county's"); null for any
 * other filter. `parts` name the keys, each value's type and each list's length; `values` are the
 * parameters in the order met.
 */
function shapeParts(where: unknown, parts: string[], values: Scalar[]): boolean {
  if (typeof where !== 'object' || where === null || Object.getPrototypeOf(where) !== Object.prototype) return false;
  for (const [key, value] of Object.entries(where)) {
    if (isScalar(value)) {
      parts.push(`${key}=${typeof value}`);
      values.push(value);
      continue;
    }
    if (value === null) {
      parts.push(`${key}=null`);
      continue;
    }
    if (key === '$or' && Array.isArray(value) && value.length > 0) {
      parts.push('$or(');
      for (const branch of value) {
        if (!shapeParts(branch, parts, values)) return false;
        parts.push('|');
      }
      parts.push(')');
      continue;
    }
    const list = (value as { $in?: unknown } | null)?.$in;
    if (!Array.isArray(list) || list.length > MAX_LIST || Object.keys(value as object).length !== 1) return false;
    const type = typeof list[0];
    if (!list.every((item) => isScalar(item) && typeof item === type)) return false;
    parts.push(`${key} in ${list.length}×${type}`);
    values.push(...list);
  }
  return true;
}

/**
 * A filter as a shape (its parts, the order, the limit and the lazy columns) and its values; null for a
 * filter the shapes do not cover. Two filters of one shape make the same statement with different
 * parameters.
 */
function shapeOf(where: unknown, options: FindReadOnlyOptions): { key: string; values: Scalar[] } | null {
  const parts: string[] = [];
  const values: Scalar[] = [];
  if (!shapeParts(where, parts, values)) return null;
  const order = options.orderBy ? JSON.stringify(options.orderBy) : '';
  const lazy = (options.lazy ?? []).join(',');
  const props = options.props ? options.props.join(',') : '*';
  return { key: `${parts.join('&')}|${order}|${options.limit ?? ''}|${lazy}|${props}`, values };
}

/** The statement a read's query builder writes, and the columns it returns. */
function buildStatement<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  meta: EntityMetadata,
  where: FilterQuery<T>,
  options: FindReadOnlyOptions,
): { sql: string; params: readonly unknown[]; columns: string[] } {
  const props = [...readProperties(meta, options.props), ...(options.lazy ?? [])];
  const qb = em
    .createQueryBuilder(entity, 't')
    .select(props as never)
    .where(where as never);
  if (options.orderBy) qb.orderBy(options.orderBy as never);
  if (options.limit) qb.limit(options.limit);
  const { sql, params } = qb.toQuery();
  const columns = [
    ...new Set(props.flatMap((name) => meta.properties[name as keyof typeof meta.properties]!.fieldNames)),
  ];
  return { sql, params, columns };
}

/**
 * The statement for a read: MikroORM's query builder writes it the first time a shape is seen (it was
 * about a tenth of a one-row read's CPU, per request); later reads of that shape reuse the text with their
 * own values. A shape is kept only when the builder's parameters were exactly the filter's values in
 * order (then the limit), so the text holds no value of its own and the values bind as the builder's would;
 * otherwise (a value it converted or wrote inline) that shape always goes through the builder.
 */
function readStatement<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  meta: EntityMetadata,
  where: FilterQuery<T>,
  options: FindReadOnlyOptions,
): { sql: string; params: readonly unknown[]; columns: readonly string[] } {
  const shape = shapeOf(where, options);
  if (!shape) return buildStatement(em, entity, meta, where, options);
  let byShape = shapeStatements.get(meta);
  if (!byShape) shapeStatements.set(meta, (byShape = new Map()));
  // The builder binds a limit as the last parameter: part of the shape, so the same for every read of it.
  const params = options.limit ? [...shape.values, options.limit] : shape.values;
  const known = byShape.get(shape.key);
  if (known) return { sql: known.sql, params, columns: known.columns };
  const built = buildStatement(em, entity, meta, where, options);
  if (known === undefined) {
    const exact = built.params.length === params.length && built.params.every((p, i) => p === params[i]);
    byShape.set(shape.key, exact ? { sql: built.sql, columns: built.columns } : null);
  }
  return built;
}

/** `findReadOnly`, each instance with the raw row it was built from (column names, lazy columns included). */
export async function findReadOnlyRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: FindReadOnlyOptions = {},
): Promise<{ entity: T; row: Record<string, unknown> }[]> {
  const hydrate = rowHydrator(em, entity);
  const meta = em.getMetadata().get(entity) as EntityMetadata;
  // The request's read batcher runs the statement with its siblings.
  const rows = await readWith(em, readStatement(em, entity, meta, where, options), options.alongside);
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
