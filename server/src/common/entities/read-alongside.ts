import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows, type ReadStatement } from './read-batcher.js';

type Row = Record<string, unknown>;

/**
 * A read that runs in the same statement as a parent read, written over that read (its rows' ids as a
 * subquery): a child list folded into its parent's statement instead of a statement of its own after it.
 * Resolves to what to do with the parent rows' ids once both are back (prime the child list's loader).
 */
export type ReadAlongside = (parent: ReadStatement) => Promise<(parentIds: readonly string[]) => void>;

/**
 * `readRows` with reads alongside: all are queued in the same tick, so the read batcher folds them into one
 * statement (one snapshot), and each alongside read learns the parent rows' ids.
 */
export async function readWith(
  em: EntityManager,
  statement: ReadStatement,
  alongside: readonly ReadAlongside[] | undefined,
): Promise<Row[]> {
  if (!alongside?.length) return readRows(em, statement);
  const [rows, ...then] = await Promise.all([readRows(em, statement), ...alongside.map((read) => read(statement))]);
  const ids = rows.flatMap((row) => (typeof row['id'] === 'string' ? [row['id']] : []));
  for (const use of then) use(ids);
  return rows;
}

/** The parent read's ids, as a subquery a child read filters on (its parameters come first, in its order). */
export function parentIdsOf(parent: Pick<ReadStatement, 'sql'>): string {
  return `select pq."id" from (${parent.sql}) pq`;
}
