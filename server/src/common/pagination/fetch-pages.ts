import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SqlWhere } from '../sql/sql-where.js';
import { cursorKeyCheck, decodeCursor, encodeCursor } from './cursor-codec.js';
import { readOnlyHydrator } from '../entities/read-only-hydrator.js';
import { isSelectedColumn } from '../entities/find-read-only.js';
import { readWith, type ReadAlongside } from '../entities/read-alongside.js';
import type { Page, PageRequest, SortColumn } from './page-request.js';
import { quoteIdentifier } from '../sql/quote-identifier.js';

const ALIAS = 't';
const TOTAL = '__total';
const PARENT = '__parent';
const RANK = '__rank';
const GROUP = '__group';

/** How the rows of a nested list hang off their parents: a foreign key, or a join table. */
export type Partition =
  | { kind: 'column'; column: string; parentIds: readonly string[] }
  | { kind: 'join'; table: string; childColumn: string; parentColumn: string; parentIds: readonly string[] };

/** A partition with the caller's county: named in the statement of a county-scoped list (routed on Citus). */
export type CountyPartition = Partition & { countyId?: string | undefined };

export interface FetchPagesOptions<T extends object> {
  entity: EntityClass<T>;
  /** Filters; build it with alias `t` (see `newWhere`). */
  where: SqlWhere;
  sort: readonly SortColumn[];
  page: PageRequest;
  /** Absent for a top-level list; present for one page per parent in the same statement. */
  partition?: CountyPartition;
  /**
   * Only these properties (plus `id` and the sort columns), when the caller knows what will be read;
   * the others stay undefined on the returned rows. Absent: every column an ordinary read selects.
   */
  props?: readonly string[] | null;
  /** The caller's county, named in the statement of a county-scoped top-level list (routed on Citus). */
  countyId?: string | undefined;
  /**
   * Whether a top-level list without a cursor counts its matching rows (true by default). When false the
   * page's `totalCount` is not known, and reading it throws rather than answer a count nobody made.
   */
  countTotal?: boolean;
  /** Child lists read in the same statement as the page rows (`readWith`). */
  alongside?: readonly ReadAlongside[];
}

export function newWhere(): SqlWhere {
  return new SqlWhere(ALIAS);
}

/**
 * The columns an ordinary read selects: every persisted column except lazy ones. Lazy columns hold
 * PII (a deputy's phone) that some database roles may not read at all, so `t.*` is never used.
 */
function selectedColumns(meta: EntityMetadata, sort: readonly SortColumn[], props: readonly string[] | null): string[] {
  const wanted = props ? new Set(['id', ...props]) : null;
  const sortColumns = new Set(sort.map((c) => c.column));
  const columns = meta.props
    .filter(
      (prop) =>
        isSelectedColumn(prop) && (!wanted || wanted.has(prop.name) || prop.fieldNames.some((f) => sortColumns.has(f))),
    )
    .flatMap((prop) => prop.fieldNames);
  return [...new Set(columns)];
}

function serialiseKey(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** `(a, b, id) > (x, y, z)` for mixed directions, spelled out as an OR-chain. */
function keysetCondition(sort: readonly SortColumn[], values: readonly unknown[], where: SqlWhere): void {
  const branches: string[] = [];
  const params: unknown[] = [];
  sort.forEach((col, i) => {
    const equalities = sort.slice(0, i).map((prev, j) => {
      params.push(values[j]);
      return `${where.column(prev.column)} = ?`;
    });
    params.push(values[i]);
    const op = col.direction === 'asc' ? '>' : '<';
    branches.push([...equalities, `${where.column(col.column)} ${op} ?`].join(' and '));
  });
  where.raw(branches.map((b) => `(${b})`).join(' or '), ...params);
}

/**
 * One SQL statement returns the requested page of every parent (or the single top-level page), with each
 * list's total count: per parent for a few parents (`lateralSql`), by a window function for many. Nested
 * connections cost one statement per nesting level whatever the number of parents or rows.
 */
export async function fetchPages<T extends object>(
  em: EntityManager,
  options: FetchPagesOptions<T>,
): Promise<Map<string | null, Page<T>>> {
  const meta = em.getMetadata().get(options.entity);
  const table = quoteIdentifier(meta.tableName);
  const { sort, page, partition } = options;
  const orderSql = sort.map((c) => `${quoteIdentifier(c.column)} ${c.direction}`).join(', ');

  // Few parents, no cursor, a foreign key: each parent's page by its own top-N read (below).
  const lateral = !page.after && partition?.kind === 'column' && lateralPartition(meta as EntityMetadata, partition);
  const base = newWhere();
  let from = `${table} ${ALIAS}`;
  // Never null, so the page rows join their totals by equality (hashable), not `is not distinct from`.
  // Partition keys keep their own type (uuid): a `::text` cast made the window's sort and the totals'
  // grouping compare strings under the database collation, most of the nested statement's time.
  let parentExpr = '0';
  if (partition?.kind === 'column') {
    parentExpr = `${ALIAS}.${quoteIdentifier(partition.column)}`;
    if (!lateral) base.in(partition.column, partition.parentIds);
  } else if (partition?.kind === 'join') {
    // Tenant rows and their join rows carry county_id: joining on it too keeps the join inside one
    // shard group when the tables are distributed by county (issue #20); on one server it is one more
    // equality on an indexed column.
    const sameCounty = meta.props.some((p) => p.fieldNames?.includes('county_id'))
      ? ` and j."county_id" = ${ALIAS}."county_id"`
      : '';
    from += ` join ${quoteIdentifier(partition.table)} j on j.${quoteIdentifier(partition.childColumn)} = ${ALIAS}."id"${sameCounty}`;
    parentExpr = `j.${quoteIdentifier(partition.parentColumn)}`;
    const ids = partition.parentIds;
    base.raw(
      ids.length === 0 ? 'false' : `j.${quoteIdentifier(partition.parentColumn)} in (${ids.map(() => '?').join(', ')})`,
      ...ids,
    );
  }
  // Row-level security keeps the rows to the caller's county; naming it lets Citus route to its shard.
  const countyId = partition?.countyId ?? options.countyId;
  // Not where the county may be null: the platform's rows (metric catalog, calendar) have none.
  if (countyId && meta.props.some((p) => p.fieldNames?.includes('county_id') && !p.nullable)) {
    base.raw(`${ALIAS}."county_id" = ?`, countyId);
  }
  base.raw(options.where.sql, ...options.where.params);

  const after = newWhere();
  if (page.after) {
    const keys = sort.map((c) => cursorKeyCheck(meta as EntityMetadata, c.column));
    keysetCondition(sort, decodeCursor(page.after, keys), after);
  }

  const selected = selectedColumns(meta as EntityMetadata, sort, options.props ?? null);
  const columns = selected.map((column) => `${ALIAS}.${quoteIdentifier(column)}`).join(', ');
  // Nested lists without a cursor: one window pass ranks the rows and counts each parent's list (no CTE,
  // no join). With a cursor, totals come from their own CTE so a parent whose page is empty (cursor past
  // its end) keeps its count. A top-level list without a cursor: `order by … limit`, total apart.
  const qualifiedOrder = sort.map((c) => `${ALIAS}.${quoteIdentifier(c.column)} ${c.direction}`).join(', ');
  const topLevel = !page.after && !partition;
  const counted = !topLevel || options.countTotal !== false;
  const sql = lateral
    ? lateralSql(lateral, `${ALIAS}.${quoteIdentifier(lateral.column)}`, columns, from, base.sql, qualifiedOrder)
    : page.after
      ? `with base as (select ${columns}, ${parentExpr} as ${PARENT} from ${from} where ${base.sql}), ` +
        `totals as (select ${PARENT}, count(*) as ${TOTAL} from base group by ${PARENT}), ` +
        `ranked as (select ${ALIAS}.*, row_number() over (partition by ${PARENT} order by ${orderSql}) as ${RANK} ` +
        `from base ${ALIAS} where ${after.sql}) ` +
        `select r.*, tt.${PARENT} as ${GROUP}, tt.${TOTAL} from totals tt ` +
        `left join ranked r on r.${PARENT} = tt.${PARENT} and r.${RANK} <= ? ` +
        `order by ${GROUP}, r.${RANK}`
      : topLevel
        ? // A single top-level list: top-N by the order (an index or a bounded heap), the total counted apart.
          // The window form sorted every matching row, all columns wide, to return a page of one.
          `select ${columns}, ${parentExpr} as ${GROUP}, 1 as ${RANK}, ` +
          (counted ? `(select count(*) from ${from} where ${base.sql})` : 'null') +
          ` as ${TOTAL} from ${from} where ${base.sql} order by ${qualifiedOrder} limit ?`
        : `select * from (select ${columns}, ${parentExpr} as ${GROUP}, ` +
          `row_number() over (partition by ${parentExpr} order by ${qualifiedOrder}) as ${RANK}, ` +
          `count(*) over (partition by ${parentExpr}) as ${TOTAL} from ${from} where ${base.sql}) r ` +
          `where r.${RANK} <= ? order by r.${GROUP}, r.${RANK}`;
  // The top-level form repeats the filter in its count.
  const params = lateral
    ? [...lateral.parentIds, ...base.params, ...base.params, page.first + 1]
    : topLevel
      ? [...(counted ? base.params : []), ...base.params, page.first + 1]
      : [...base.params, ...after.params, page.first + 1];
  // Sibling lists of one level (a township's deputies, suggestions, activities) fold into one statement.
  const rows = await readWith(em, { sql, params, columns: [...selected, GROUP, RANK, TOTAL] }, options.alongside);

  const detached = readOnlyHydrator(em, options.entity);
  const hydrate =
    detached ??
    ((row: Record<string, unknown>) => {
      const { [PARENT]: _parent, [TOTAL]: _total, [RANK]: _rank, [GROUP]: _group, ...columns } = row;
      return em.map(options.entity, columns as never);
    });
  const keysOf = (row: Record<string, unknown>) => sort.map((c) => serialiseKey(row[c.column]));
  const pages = new Map<string | null, Page<T>>();
  const pageRows = new Map<Page<T>, Record<string, unknown>[]>();
  for (const row of rows) {
    const parent = partition ? String(row[GROUP]) : null;
    let current = pages.get(parent);
    if (!current) {
      const itemRows: Record<string, unknown>[] = [];
      current = lazyCursorPage<T>(counted ? Number(row[TOTAL]) : null, page.after !== null, () => itemRows.map(keysOf));
      pages.set(parent, current);
      pageRows.set(current, itemRows);
    }
    if (row[RANK] === null) continue;
    if (current.items.length === page.first) {
      current.hasNextPage = true;
      continue;
    }
    pageRows.get(current)!.push(row);
    current.items.push(hydrate(row));
  }
  return pages;
}

/**
 * Up to this many parents, a nested page without a cursor is read per parent (`lateralSql`). The window form
 * reads, sorts and ranks every row of every parent to keep `first` of each: a township's latest activity
 * (`first: 1`) sorted its 550 activities. Per parent, an index in the list's order gives the page in `first`
 * rows and the count is its own aggregate. Past a few dozen parents (an analyst's nested pages over a
 * county's townships) the single pass stays, as measured for B2.
 */
const MAX_LATERAL_PARENTS = 32;

/** The partition, when its column is a uuid and its parents few enough for per-parent reads. */
function lateralPartition(
  meta: EntityMetadata,
  partition: Extract<Partition, { kind: 'column' }>,
): Extract<Partition, { kind: 'column' }> | null {
  if (partition.parentIds.length === 0 || partition.parentIds.length > MAX_LATERAL_PARENTS) return null;
  const prop = meta.props.find((p) => p.fieldNames?.length === 1 && p.fieldNames[0] === partition.column);
  return (prop?.columnTypes?.[0] ?? '').toLowerCase() === 'uuid' ? partition : null;
}

/**
 * Each parent's count, and its page as a top-N read ranked in order: `row_number` streams over the ordered
 * rows, so the limit stops the scan after `first + 1`. A parent without rows has none here, as in the
 * window form, and gets the loader's empty page. Parameters: the parent ids, the filters twice, the limit.
 */
function lateralSql(
  partition: Extract<Partition, { kind: 'column' }>,
  parentColumn: string,
  columns: string,
  from: string,
  filters: string,
  order: string,
): string {
  const parents = partition.parentIds.map(() => '(?::uuid)').join(', ');
  return (
    `select r.*, p.${GROUP}, p.${TOTAL} from (select x.id as ${GROUP}, c.n as ${TOTAL} from (values ${parents}) x(id) ` +
    `cross join lateral (select count(*) as n from ${from} where ${parentColumn} = x.id and ${filters}) c) p ` +
    `cross join lateral (select ${columns}, ` +
    `row_number() over (order by ${order}) as ${RANK} from ${from} where ${parentColumn} = p.${GROUP} ` +
    `and ${filters} order by ${order} limit ?) r order by p.${GROUP}, r.${RANK}`
  );
}

/**
 * Cursors are encoded on first use: nested lists are mostly read through `nodes`, which needs none. A total
 * that was not counted (null) throws when read: unknown is never answered as a number.
 */
function lazyCursorPage<T>(totalCount: number | null, hasPreviousPage: boolean, keys: () => unknown[][]): Page<T> {
  let cursors: string[] | undefined;
  return {
    items: [],
    get totalCount() {
      if (totalCount === null) throw new Error('totalCount read from a page that did not count its rows');
      return totalCount;
    },
    hasNextPage: false,
    hasPreviousPage,
    get cursors() {
      cursors ??= keys().map((key) => encodeCursor(key));
      return cursors;
    },
  };
}

export function emptyPage<T>(after: string | null): Page<T> {
  return { items: [], cursors: [], totalCount: 0, hasNextPage: false, hasPreviousPage: after !== null };
}
