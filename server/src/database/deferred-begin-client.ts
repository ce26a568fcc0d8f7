import pg from 'pg';

/** `begin` or `start transaction …` as kysely sends it (`postgres-driver.js`, beginTransaction): one statement. */
const BEGIN = /^\s*(begin|start\s+transaction)\b[^;]*$/i;
/** `commit` or `rollback` as kysely ends a transaction. */
const END = /^\s*(commit|rollback)\s*;?\s*$/i;

/** What pg's `query` resolves to, as far as kysely reads it (`command`, `rowCount`, `rows`). */
type QueryResult = pg.QueryResult;

function emptyResult(command: string): QueryResult {
  return { command, rowCount: null, oid: 0, rows: [], fields: [] };
}

/**
 * pg's client, except that a transaction's `BEGIN` travels with the statement after it: one message and
 * one round trip instead of two. Every request transaction starts with `BEGIN` and the identity statement
 * (tenancy/request-transaction.ts); a one-statement read thus makes three round trips instead of four,
 * and a quarterly submission five instead of six.
 *
 * Kysely awaits `BEGIN` before it sends anything else, so the begin is answered at once and held; the
 * next query, when it is a plain statement without parameters (every statement MikroORM sends: it
 * inlines parameters), goes as one simple-protocol message `begin; <statement>`, and its own result is
 * returned. PostgreSQL runs the two in that order in the one transaction block the `BEGIN` opens; an error
 * in the statement leaves the block aborted, exactly as two messages would, and the caller's rollback ends
 * it. Anything else that follows (a named prepared statement, a cursor, a callback-style call) first sends
 * the held begin on its own, as before. A `COMMIT` or `ROLLBACK` right after the begin sends nothing at
 * all: no transaction was opened on the server. deferred-begin-client.test.ts counts the messages.
 */
export class DeferredBeginClient extends pg.Client {
  /** The begin answered but not yet sent. */
  heldBegin: string | null = null;
}

const sendQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

function isPlain(args: readonly unknown[]): args is [string] | [string, unknown[] | undefined] {
  if (typeof args[0] !== 'string' || args.length > 2) return false;
  const values = args[1];
  return values === undefined || (Array.isArray(values) && values.length === 0);
}

function deferredQuery(this: DeferredBeginClient, ...args: unknown[]): unknown {
  const held = this.heldBegin;
  if (isPlain(args)) {
    const text = args[0];
    if (held === null) {
      if (!BEGIN.test(text)) return sendQuery.apply(this, args);
      this.heldBegin = text;
      return Promise.resolve(emptyResult('BEGIN'));
    }
    this.heldBegin = null;
    if (END.test(text)) return Promise.resolve(emptyResult(text.trim().split(/\s|;/)[0].toUpperCase()));
    // A multi-statement message answers with one result per statement; the begin's comes first.
    return (sendQuery.call(this, `${held};\n${text}`) as Promise<QueryResult | QueryResult[]>).then((results) => {
      if (!Array.isArray(results)) return results;
      return results.length === 2 ? results[1] : results.slice(1);
    });
  }
  if (held === null) return sendQuery.apply(this, args);
  this.heldBegin = null;
  // pg sends queued queries in order: the begin goes first, then this one.
  const begun = sendQuery.call(this, held) as Promise<QueryResult>;
  if (typeof (args[0] as { submit?: unknown }).submit === 'function' || args.some((a) => typeof a === 'function')) {
    // A cursor or a callback: pg reports through it; a failed begin fails the statement after it too.
    begun.catch(() => undefined);
    return sendQuery.apply(this, args);
  }
  return begun.then(() => sendQuery.apply(this, args));
}

Object.defineProperty(DeferredBeginClient.prototype, 'query', {
  value: deferredQuery,
  writable: true,
  configurable: true,
});
