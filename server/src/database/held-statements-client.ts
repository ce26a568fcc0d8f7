import pg from 'pg';
import { deferredIdOf, holdDeferred, settleDeferred } from './deferred-statement.js';
import { executedSessionStatement, missingSessionStatement } from '../common/sql/session-statements.js';

/** `begin` or `start transaction …` as kysely sends it (`postgres-driver.js`, beginTransaction): one statement. */
const BEGIN = /^\s*(begin|start\s+transaction)\b[^;]*$/i;
/** `commit` or `rollback` as kysely ends a transaction. */
const END = /^\s*(commit|rollback)\s*;?\s*$/i;
const READ_ONLY = /\bread\s+only\b/i;

/** What pg's `query` resolves to, as far as kysely reads it (`command`, `rowCount`, `rows`). */
type QueryResult = pg.QueryResult;

function emptyResult(command: string): QueryResult {
  return { command, rowCount: null, oid: 0, rows: [], fields: [] };
}

/**
 * pg's client, except that statements that need no answer of their own travel with the next one: one
 * message and one round trip instead of two. Every request transaction starts with `BEGIN` and the
 * identity statement (tenancy/request-transaction.ts), and a query's transaction is read-only.
 *
 * - **The begin.** Kysely awaits `BEGIN` before it sends anything else, so the begin is answered at once
 *   and held; the next query, when it is a plain statement without parameters (every statement MikroORM
 *   sends: it inlines parameters), goes as one simple-protocol message `begin; <statement>`, and its own
 *   result is returned. PostgreSQL runs them in that order in the one transaction block the begin opens;
 *   an error in the statement leaves the block aborted, exactly as two messages would, and the caller's
 *   rollback ends it. A `COMMIT` or `ROLLBACK` right after the begin sends nothing: nothing was opened.
 * - **A read-only transaction's end.** It changed nothing, so nothing waits on its commit: it is answered
 *   at once (the response need not wait for it) and travels with the connection's next statement
 *   (`commit; begin; <identity>` for the next request the pool hands this connection), or alone after
 *   `HOLD_END_MS` when none comes. A write transaction's commit is always sent and awaited: only its
 *   answer says the change is stored.
 * - **A deferred statement** (database/deferred-statement.ts: a read-only request's identity statement)
 *   right after a held begin is held too and answered at once with no rows; its real rows go to its
 *   caller when it has travelled with the next statement (`begin; <identity>; <statement>`: one round
 *   trip for the request's first read instead of two), or when the caller asks for them first.
 * - **A session statement's first execute** (common/sql/session-statements.ts) brings its `PREPARE` along,
 *   held before the begin, so the prepare travels in the same message and a deferred statement still
 *   follows its begin. The connection remembers what it prepared; a transaction that ends before any
 *   statement drops the prepare with the begin, and an execute that PostgreSQL says has no prepared
 *   statement (26000, when a prepare failed) has it sent again next time.
 * - Anything else that follows (a named prepared statement, a statement with parameters, a cursor, a
 *   callback-style call) first sends what is held on its own, as before.
 *
 * A one-statement read thus makes one round trip instead of four (begin, identity, statement, commit), and
 * a quarterly submission five instead of six. held-statements-client.test.ts counts the messages on the
 * wire.
 */
export class HeldStatementsClient extends pg.Client {
  /**
   * Statements answered but not yet sent, in order: an ended read-only transaction's end, then a begin
   * and a deferred statement after it (`deferredId`).
   */
  held: Held[] = [];
  /** Whether the transaction open on the server (its begin sent) is read-only. */
  inReadOnly = false;
  /** Sends a held end on its own when no statement came to carry it. */
  flushTimer: NodeJS.Timeout | null = null;
  /** Session statements this connection has prepared (or holds the prepare of). */
  prepared = new Set<string>();

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A connection that ends holding a deferred statement never sends it: its caller hears so.
    this.on('end', () => dropDeferred(this.held, 'the connection ended'));
  }
}

interface Held {
  text: string;
  deferredId?: number;
  /** The session statement this held `PREPARE` defines. */
  prepares?: string;
}

/**
 * How long a read-only transaction's end may wait for the next statement on its connection. Long enough
 * for a busy pool to hand the connection on (the most recently released one is taken first), short enough
 * that an idle connection never sits in an open transaction (snapshot, `idle_in_transaction_session_timeout`).
 */
const HOLD_END_MS = 5;

const sendQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

function isPlain(args: readonly unknown[]): args is [string] | [string, unknown[] | undefined] {
  if (typeof args[0] !== 'string' || args.length > 2) return false;
  const values = args[1];
  return values === undefined || (Array.isArray(values) && values.length === 0);
}

function takeHeld(client: HeldStatementsClient): Held[] {
  const held = client.held;
  client.held = [];
  if (client.flushTimer) clearTimeout(client.flushTimer);
  client.flushTimer = null;
  // A held begin is on its way to the server now.
  const begin = held.find((h) => BEGIN.test(h.text));
  if (begin) client.inReadOnly = READ_ONLY.test(begin.text);
  return held;
}

/** The held statements' deferred callers will never get their rows. */
function dropDeferred(held: readonly Held[], why: string): void {
  for (const h of held) {
    if (h.deferredId !== undefined)
      settleDeferred(h.deferredId, { error: new Error(`deferred statement not sent: ${why}`) });
  }
}

/**
 * Sends the held statements, alone (`text` null) or followed by `text`, in one message. Each deferred one's
 * rows go to its caller; the result is `text`'s own (what pg answered for the statements after the held).
 */
function sendWithHeld(client: HeldStatementsClient, held: Held[], text: string | null): Promise<unknown> {
  const message = [...held.map((h) => h.text), ...(text === null ? [] : [text])].join(';\n');
  return (sendQuery.call(client, message) as Promise<QueryResult | QueryResult[]>).then(
    (results) => {
      const all = Array.isArray(results) ? results : [results];
      held.forEach((h, i) => {
        if (h.deferredId !== undefined) settleDeferred(h.deferredId, { rows: all[i]?.rows ?? [] });
      });
      const own = all.slice(held.length);
      return own.length === 1 ? own[0] : own;
    },
    (error: unknown) => {
      forgetMissing(client, error);
      for (const h of held) if (h.deferredId !== undefined) settleDeferred(h.deferredId, { error });
      throw error;
    },
  );
}

/** A session statement PostgreSQL says this connection lacks is prepared again with its next execute. */
function forgetMissing(client: HeldStatementsClient, error: unknown): void {
  const missing = missingSessionStatement(error);
  if (missing) client.prepared.delete(missing);
}

/**
 * Holds the `PREPARE` of the session statement `text` executes, when this connection has not prepared it.
 * Whether `text` executes a session statement at all.
 */
function holdPrepare(client: HeldStatementsClient, text: string): boolean {
  const session = executedSessionStatement(text);
  if (!session) return false;
  if (client.prepared.has(session.name)) return true;
  client.prepared.add(session.name);
  // before a held begin: a deferred statement must follow its begin directly
  const begin = client.held.findIndex((held) => BEGIN.test(held.text));
  client.held.splice(begin < 0 ? client.held.length : begin, 0, { text: session.prepare, prepares: session.name });
  return true;
}

/**
 * Sends a held end on its own when no statement took it in time; a begin held behind it stays held for
 * its own statement (pg sends queued queries in order, so the end still goes first).
 */
function flushEnd(client: HeldStatementsClient): void {
  client.flushTimer = null;
  const ends = client.held.filter((h) => END.test(h.text));
  if (ends.length === 0) return;
  client.held = client.held.filter((h) => !END.test(h.text));
  // Nothing waits on it; a broken connection reports through the client's `error` event.
  (sendQuery.call(client, ends.map((h) => h.text).join(';\n')) as Promise<unknown>).catch(() => undefined);
}

/** Sends what is held now, because a deferred statement's caller asks for its rows. */
function flushHeld(client: HeldStatementsClient): void {
  // The caller hears through its deferred rows; a broken connection also through the `error` event.
  sendWithHeld(client, takeHeld(client), null).catch(() => undefined);
}

function deferredQuery(this: HeldStatementsClient, ...args: unknown[]): unknown {
  if (!isPlain(args)) {
    if (this.held.length === 0) return sendQuery.apply(this, args);
    // pg sends queued queries in order: the held statements go first, then this one.
    const sent = sendWithHeld(this, takeHeld(this), null);
    if (typeof (args[0] as { submit?: unknown }).submit === 'function' || args.some((a) => typeof a === 'function')) {
      // A cursor or a callback: pg reports through it; a failed begin fails the statement after it too.
      sent.catch(() => undefined);
      return sendQuery.apply(this, args);
    }
    return sent.then(() => sendQuery.apply(this, args));
  }
  const text = args[0];
  const executesSession = holdPrepare(this, text);
  const beginHeld = this.held.some((held) => BEGIN.test(held.text));
  if (BEGIN.test(text) && !beginHeld) {
    this.held.push({ text });
    return Promise.resolve(emptyResult('BEGIN'));
  }
  const deferredId = deferredIdOf(text);
  const last = this.held.at(-1);
  if (deferredId !== null && last && BEGIN.test(last.text)) {
    // The transaction's first statement, whose rows its caller asks for later: it travels with the next.
    this.held.push({ text, deferredId });
    holdDeferred(deferredId, () => {
      // only while it is still held: once sent, its rows are on their way
      if (this.held.some((held) => held.deferredId === deferredId)) flushHeld(this);
    });
    return Promise.resolve(emptyResult('SELECT'));
  }
  if (END.test(text)) {
    const command = text.trim().split(/\s|;/)[0]!.toUpperCase();
    if (beginHeld) {
      // No statement ran: nothing was opened on the server, nothing to end. A deferred statement held
      // behind the begin is dropped with it.
      dropDeferred(this.held, 'its transaction ended first');
      for (const held of this.held) if (held.prepares) this.prepared.delete(held.prepares);
      this.held = this.held.filter((held) => END.test(held.text));
      return Promise.resolve(emptyResult(command));
    }
    const readOnly = this.inReadOnly;
    this.inReadOnly = false;
    if (readOnly && this.held.length === 0) {
      // A read-only transaction changed nothing: its end can travel with the connection's next statement.
      this.held.push({ text });
      this.flushTimer = setTimeout(flushEnd, HOLD_END_MS, this);
      this.flushTimer.unref();
      return Promise.resolve(emptyResult(command));
    }
  }
  if (this.held.length === 0) {
    if (!executesSession) return sendQuery.apply(this, args);
    // only a session statement's execute can find it missing: other statements skip the extra promise
    return (sendQuery.apply(this, args) as Promise<unknown>).catch((error: unknown) => {
      forgetMissing(this, error);
      throw error;
    });
  }
  // A multi-statement message answers with one result per statement; the held ones' come first.
  return sendWithHeld(this, takeHeld(this), text);
}

Object.defineProperty(HeldStatementsClient.prototype, 'query', {
  value: deferredQuery,
  writable: true,
  configurable: true,
});
