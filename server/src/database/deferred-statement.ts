import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A statement whose answer the caller needs later, not now: the pool's client (HeldStatementsClient) may
 * hold it and send it in one message with the transaction's next statement, saving a round trip. The
 * caller gets a function that yields the rows when they have come; asking for them before any other
 * statement has carried it sends it at once (with what else is held).
 *
 * The statement carries a trailing comment `/* renda:deferred <id> *\/` that the client recognises; the
 * comment changes nothing for PostgreSQL (pg_stat_statements files it under the same query id).
 */
const MARKER = /\/\* renda:deferred (\d+) \*\/\s*$/;

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: unknown): void;
  /** Set by the client that holds the statement: sends it now, with whatever else it holds. */
  flush: (() => void) | null;
}

const pending = new Map<number, Pending>();
let lastId = 0;

/** The deferred statement's id, when `text` is one. */
export function deferredIdOf(text: string): number | null {
  const match = MARKER.exec(text);
  return match ? Number(match[1]) : null;
}

/** The client holds statement `id` and will send it when `flush` is called or a statement follows. */
export function holdDeferred(id: number, flush: () => void): void {
  const entry = pending.get(id);
  if (entry) entry.flush = flush;
}

/** The held statement `id` was answered (rows) or failed, or will never be sent (error). */
export function settleDeferred(id: number, outcome: { rows: unknown[] } | { error: unknown }): void {
  const entry = pending.get(id);
  if (!entry) return;
  pending.delete(id);
  if ('rows' in outcome) entry.resolve(outcome.rows);
  else entry.reject(outcome.error);
}

/**
 * Runs `sql` as a deferred statement in the entity manager's transaction. A client that does not hold it
 * (another pool's, or a statement that is not the transaction's first) answers it at once, and the function
 * returned yields those rows.
 */
export async function executeDeferred<T extends object>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
): Promise<() => Promise<T[]>> {
  const id = ++lastId;
  let resolve!: (rows: unknown[]) => void;
  let reject!: (error: unknown) => void;
  const answered = new Promise<T[]>((res, rej) => {
    resolve = (rows) => res(rows as T[]);
    reject = rej;
  });
  // Whoever asks for the rows sees a failure; a transaction that ends first leaves nobody to ask.
  answered.catch(() => undefined);
  const entry: Pending = { resolve, reject, flush: null };
  pending.set(id, entry);
  let rows: T[];
  try {
    rows = await em.execute<T[]>(`${sql} /* renda:deferred ${id} */`, [...params]);
  } catch (error) {
    pending.delete(id);
    throw error;
  }
  if (!entry.flush) {
    pending.delete(id);
    return () => Promise.resolve(rows);
  }
  return () => {
    if (pending.get(id) === entry) entry.flush?.();
    return answered;
  };
}
