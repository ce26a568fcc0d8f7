import { ReferenceKind, type EntityClass, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SqlWhere } from '../sql/sql-where.js';
import { decodeCursor, encodeCursor } from './cursor-codec.js';
import type { Page, PageRequest, SortColumn } from './page-request.js';

const ALIAS = 't';
const TOTAL = '__total';
const PARENT = '__parent';
const RANK = '__rank';
const GROUP = '__group';

/** How the rows of a nested list hang off their parents: a foreign key, or a join table. */
export type Partition =
  | { kind: 'column'; column: string; parentIds: readonly string[] }
  | { kind: 'join'; table: string; childColumn: string; parentColumn: string; parentIds: readonly string[] };

export interface FetchPagesOptions<T extends object> {
  entity: EntityClass<T>;
  /** Filters; build it with alias `t` (see `newWhere`). */
  where: SqlWhere;
  sort: readonly SortColumn[];
  page: PageRequest;
  /** Absent for a top-level list; present for one page per parent in the same statement. */
  partition?: Partition;
}

export function newWhere(): SqlWhere {
  return new SqlWhere(ALIAS);
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/**
 * The columns an ordinary read selects: every persisted column except lazy ones. Lazy columns hold
 * PII (a deputy's phone) that some database roles may not read at all, so `t.*` is never used.
 */
function selectList(meta: EntityMetadata): string {
  const columns = meta.props
    .filter(
      (prop) =>
        prop.persist !== false &&
        !prop.lazy &&
        prop.fieldNames?.length &&
        prop.kind !== ReferenceKind.ONE_TO_MANY &&
        prop.kind !== ReferenceKind.MANY_TO_MANY,
    )
    .flatMap((prop) => prop.fieldNames);
  return columns.map((column) => `${ALIAS}.${quote(column)}`).join(', ');
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
 * One SQL statement returns the requested page of every parent (or the single top-level page),
 * with each list's total count computed by a window function: nested connections cost one
 * statement per nesting level whatever the number of parents or rows.
 */
export async function fetchPages<T extends object>(
  em: EntityManager,
  options: FetchPagesOptions<T>,
): Promise<Map<string | null, Page<T>>> {
  const meta = em.getMetadata().get(options.entity);
  const table = quote(meta.tableName);
  const { sort, page, partition } = options;
  const orderSql = sort.map((c) => `${quote(c.column)} ${c.direction}`).join(', ');

  const base = newWhere();
  let from = `${table} ${ALIAS}`;
  // Never null, so the page rows join their totals by equality (hashable), not `is not distinct from`.
  let parentExpr = "''::text";
  if (partition?.kind === 'column') {
    parentExpr = `${ALIAS}.${quote(partition.column)}::text`;
    base.in(partition.column, partition.parentIds);
  } else if (partition?.kind === 'join') {
    from += ` join ${quote(partition.table)} j on j.${quote(partition.childColumn)} = ${ALIAS}."id"`;
    parentExpr = `j.${quote(partition.parentColumn)}::text`;
    const ids = partition.parentIds;
    base.raw(
      ids.length === 0 ? 'false' : `j.${quote(partition.parentColumn)} in (${ids.map(() => '?').join(', ')})`,
      ...ids,
    );
  }
  base.raw(options.where.sql, ...options.where.params);

  const after = newWhere();
  if (page.after) keysetCondition(sort, decodeCursor(page.after, sort.length), after);

  // Totals come from their own CTE so a parent whose page is empty (cursor past its end) keeps its count.
  const sql =
    `with base as (select ${selectList(meta as EntityMetadata)}, ${parentExpr} as ${PARENT} from ${from} where ${base.sql}), ` +
    `totals as (select ${PARENT}, count(*) as ${TOTAL} from base group by ${PARENT}), ` +
    `ranked as (select ${ALIAS}.*, row_number() over (partition by ${PARENT} order by ${orderSql}) as ${RANK} ` +
    `from base ${ALIAS} where ${after.sql}) ` +
    `select r.*, tt.${PARENT} as ${GROUP}, tt.${TOTAL} from totals tt ` +
    `left join ranked r on r.${PARENT} = tt.${PARENT} and r.${RANK} <= ? ` +
    `order by ${GROUP}, r.${RANK}`;
  const rows = await em.execute<Record<string, unknown>[]>(sql, [...base.params, ...after.params, page.first + 1]);

  const pages = new Map<string | null, Page<T>>();
  for (const row of rows) {
    const parent = (row[GROUP] as string) === '' ? null : (row[GROUP] as string);
    let current = pages.get(parent);
    if (!current) {
      current = {
        items: [],
        cursors: [],
        totalCount: Number(row[TOTAL]),
        hasNextPage: false,
        hasPreviousPage: page.after !== null,
      };
      pages.set(parent, current);
    }
    if (row[RANK] === null) continue;
    if (current.items.length === page.first) {
      current.hasNextPage = true;
      continue;
    }
    current.cursors.push(encodeCursor(sort.map((c) => serialiseKey(row[c.column]))));
    const { [PARENT]: _parent, [TOTAL]: _total, [RANK]: _rank, [GROUP]: _group, ...columns } = row;
    current.items.push(em.map(options.entity, columns as never));
  }
  return pages;
}

export function emptyPage<T>(after: string | null): Page<T> {
  return { items: [], cursors: [], totalCount: 0, hasNextPage: false, hasPreviousPage: after !== null };
}
