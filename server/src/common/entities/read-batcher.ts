import pg from 'pg';
import { createPostgreSqlTypeParsers } from '@mikro-orm/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { quoteIdentifier } from '../sql/quote-identifier.js';
import { executeRead } from './prepared-reads.js';

/** One read: SQL with `?` placeholders (MikroORM's), its parameters, and the columns it returns by name. */
export interface ReadStatement {
  sql: string;
  params: readonly unknown[];
  columns: readonly string[];
}

type Row = Record<string, unknown>;

interface Pending {
  statement: ReadStatement;
  resolve: (rows: Row[]) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  pending: Pending[];
  /** The transaction the reads were queued in: a batch never runs in another one, nor outside. */
  transaction: unknown;
}

const batches = new WeakMap<EntityManager, Batch>();
const transactionOpen = new WeakMap<EntityManager, () => boolean>();

/**
 * Tells the batcher whether `em`'s request transaction is still open. MikroORM forgets a transaction only
 * once its commit or rollback has returned; the request marks it closed before sending either, so a batch
 * due after that mark is refused instead of being queued behind the rollback on the same connection,
 * where it would run with no identity.
 */
export function guardReadBatches(em: EntityManager, open: () => boolean): void {
  transactionOpen.set(em, open);
}

const TRANSACTION_ENDED = 'read batch outlived its request transaction';

/** json_build_array takes at most 100 arguments (PostgreSQL's FUNC_MAX_ARGS): wider reads run alone. */
const MAX_FOLDED_COLUMNS = 100;

/** Whether the transaction a batch was queued in is still the one open on `em`, and not being ended. */
function inItsTransaction(em: EntityManager, transaction: unknown): boolean {
  const open = transactionOpen.get(em);
  return em.isInTransaction() && em.getTransactionContext() === transaction && (!open || open());
}

/**
 * The driver's own text parsers: what `pg` (with MikroORM's overrides, which keep dates and timestamps
 * as strings) makes of a column of that type. A folded part returns a value as its type's text output
 * (the same text the wire protocol carries) unless its type is JSON-safe (below), so parsing it with the
 * same parser gives exactly what the direct read gave, whatever the type (bigint and numeric as strings,
 * jsonb parsed, enums and arrays, timestamps untouched).
 */
type Parser = (text: string) => unknown;
const driverParser = pg.types.getTypeParser as (oid: number, format: 'text') => Parser;
const TEXT_ARRAY = 1009;
const textArray = driverParser(TEXT_ARRAY, 'text');
const overrides = createPostgreSqlTypeParsers((text: string) => textArray(text) as string[]) as Record<
  number,
  Parser | undefined
>;
const parsers = new Map<number, Parser>();
function parserFor(oid: number): Parser {
  let parser = parsers.get(oid);
  if (!parser) {
    parser = overrides[oid] ?? driverParser(oid, 'text');
    parsers.set(oid, parser);
  }
  return parser;
}

/**
 * Types whose JSON form parses to exactly what the driver makes of their text (strings, int2/int4 and oid
 * numbers, booleans, json and jsonb documents): once a read's types are known, these columns travel as
 * JSON values and need no parsing; every other type (bigint, numeric, floats, dates, timestamps, arrays,
 * enums, …) travels as its text output and goes through the driver's parser.
 */
const JSON_SAFE = new Set([16, 19, 21, 23, 25, 26, 114, 1042, 1043, 2950, 3802]);

/** What a read returns, learnt from its first folded run: the select list over `q` and each column's parser. */
interface Shape {
  select: string;
  parsers: (Parser | null)[];
}

/** Keyed by the read's SQL (placeholders, not values) and columns; bounded, as callers choose the columns. */
const shapes = new Map<string, Shape>();
const MAX_SHAPES = 1000;
const shapeKey = (statement: ReadStatement) => `${statement.columns.join('\u0000')}\u0001${statement.sql}`;

function learnShape(statement: ReadStatement, types: readonly number[]): void {
  const parsers = types.map((oid) => (JSON_SAFE.has(oid) ? null : parserFor(oid)));
  const select = statement.columns
    .map((c, i) => (parsers[i] ? `q.${quoteIdentifier(c)}::text` : `q.${quoteIdentifier(c)}`))
    .join(', ');
  if (shapes.size >= MAX_SHAPES) shapes.clear();
  shapes.set(shapeKey(statement), { select, parsers });
}

/**
 * One part of the folded statement, a scalar subquery (so `q` is local to it). A read of known shape:
 * its rows as JSON arrays, in the read's own order. Otherwise the read as a CTE, every value as text,
 * and each column's type from the first row (null when there is none), from which the shape is learnt.
 */
function foldedPart(statement: ReadStatement, shape: Shape | undefined, index: number): string {
  if (shape) {
    return `(select coalesce(json_agg(json_build_array(${shape.select})), '[]'::json) from (${statement.sql}) q) as r${index}`;
  }
  const text = statement.columns.map((c) => `q.${quoteIdentifier(c)}::text`).join(', ');
  const types = statement.columns.map((c) => `pg_typeof(q.${quoteIdentifier(c)})::oid`).join(', ');
  return (
    `(with q as (${statement.sql}) select json_build_array(` +
    `(select json_build_array(${types}) from q limit 1), ` +
    `(select coalesce(json_agg(json_build_array(${text})), '[]'::json) from q))) as r${index}`
  );
}

function toRows(columns: readonly string[], values: unknown[][], parsers: readonly (Parser | null)[]): Row[] {
  return values.map((value) => {
    const row: Row = {};
    for (let i = 0; i < columns.length; i++) {
      const v = value[i] ?? null;
      const parse = parsers[i];
      row[columns[i]!] = v === null || !parse ? v : parse(v as string);
    }
    return row;
  });
}

function unfold(statement: ReadStatement, shape: Shape | undefined, part: unknown): Row[] {
  if (shape) return toRows(statement.columns, part as unknown[][], shape.parsers);
  const [types, values] = part as [number[] | null, unknown[][]];
  if (!types) return [];
  const oids = types.map(Number);
  learnShape(statement, oids);
  return toRows(
    statement.columns,
    values,
    oids.map((oid) => parserFor(oid)),
  );
}

async function flush(em: EntityManager, batch: Batch): Promise<void> {
  if (batches.get(em) === batch) batches.delete(em);
  const { pending } = batch;
  // The request's transaction carries the caller's identity for row-level security: a read queued in it
  // never runs after it ended (or in the next one), where it would see another identity or none.
  if (!inItsTransaction(em, batch.transaction)) {
    const error = new Error(TRANSACTION_ENDED);
    for (const p of pending) p.reject(error);
    return;
  }
  const folded = pending.filter((p) => p.statement.columns.length <= MAX_FOLDED_COLUMNS);
  const alone = pending.filter((p) => p.statement.columns.length > MAX_FOLDED_COLUMNS);
  const runs: Promise<void>[] = alone.map((p) => runAlone(em, p));
  if (folded.length === 1) runs.push(runAlone(em, folded[0]!));
  else if (folded.length > 1) runs.push(runFolded(em, folded));
  await Promise.all(runs);
}

async function runAlone(em: EntityManager, p: Pending): Promise<void> {
  try {
    p.resolve(await executeRead(em, p.statement.sql, p.statement.params));
  } catch (error) {
    p.reject(error);
  }
}

async function runFolded(em: EntityManager, folded: Pending[]): Promise<void> {
  const known = folded.map((p) => shapes.get(shapeKey(p.statement)));
  const sql = `select ${folded.map((p, i) => foldedPart(p.statement, known[i], i)).join(', ')}`;
  // MikroORM's placeholders are positional `?`: the parts' parameters, in the parts' order.
  const params = folded.flatMap((p) => p.statement.params);
  let row: Row;
  try {
    [row] = (await executeRead(em, sql, params)) as [Row];
  } catch (error) {
    // One statement, one error: every part gets it, as each part's own read would have (a failed statement
    // aborts the transaction, so the siblings could not have run after it either).
    for (const p of folded) p.reject(error);
    return;
  }
  folded.forEach((p, i) => {
    try {
      p.resolve(unfold(p.statement, known[i], row[`r${i}`]));
    } catch (error) {
      p.reject(error);
    }
  });
}

/**
 * Runs a read in the request's transaction, folded with every other read queued on the same
 * EntityManager before the event loop turns: DataLoaders dispatch their batches together, so the
 * sibling relations of one GraphQL level (a township's county, terms, stations, deputies, …) become
 * one statement, `select (… from (<read 0>) q) as r0, (… from (<read 1>) q) as r1`, instead of one each.
 * A read alone runs as it is. Outside a transaction (scripts, the CLI), or in one the request has not
 * opened (a sign-in's own), reads run as they are too: there is no request transaction to fold in.
 */
export function readRows(em: EntityManager, statement: ReadStatement): Promise<Row[]> {
  // A transaction the request did not open (or none) is none of the batcher's business: run as it is.
  if (!inItsTransaction(em, em.getTransactionContext())) return em.execute<Row[]>(statement.sql, [...statement.params]);
  return new Promise<Row[]>((resolve, reject) => {
    let batch = batches.get(em);
    // A batch still waiting from an earlier transaction on this EntityManager is never joined: it will be refused.
    if (!batch || batch.transaction !== em.getTransactionContext()) {
      const queued: Batch = { pending: [], transaction: em.getTransactionContext() };
      batch = queued;
      batches.set(em, queued);
      // setImmediate runs once every promise job and nextTick (where DataLoader dispatches) has run.
      setImmediate(() => void flush(em, queued));
    }
    batch.pending.push({ statement, resolve, reject });
  });
}
