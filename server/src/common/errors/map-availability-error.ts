import type { AppError } from './app-error.js';
import { databaseErrors, timeoutErrors, type TimeoutReason } from './database.errors.js';

/** PostgreSQL SQLSTATEs for a statement or lock that ran out of time (the transaction is rolled back). */
const TIMEOUT_STATES: Record<string, TimeoutReason> = {
  '57014': 'STATEMENT_TIMEOUT', // query_canceled: statement_timeout
  '55P03': 'LOCK_TIMEOUT', // lock_not_available: lock_timeout
  '25P03': 'IDLE_IN_TRANSACTION_TIMEOUT', // the session was closed for idling inside its transaction
};

/** PostgreSQL going away or not accepting connections: class 08 and the operator-intervention codes. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
/** Socket errors of a connection attempt or a connection that broke. */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
/**
 * A Citus coordinator's messages when a worker is down or its connection broke: with SQLSTATE 08006, or
 * with none (XX000) when a connection a transaction had already written through fails.
 */
const NODE_UNAVAILABLE_MESSAGES = [
  /connection to the remote node \S+ failed/,
  /failure on connection marked as essential/,
  /could not establish any connections to the node/,
  /could not connect to any active placements/,
];
/** A worker that went away while the coordinator committed on it (a kill -9 between the write and COMMIT). */
const COMMIT_BROKEN_OFF = /^could not commit transaction for shard \d+ on at least one active node/;
/**
 * A Citus coordinator relays a worker's own error (a worker killed mid-transaction: its `57P01`) with the
 * context "while executing command on <host>:<port>".
 */
function relayedFromNode(error: Error): boolean {
  const where = (error as Error & { where?: unknown }).where;
  return typeof where === 'string' && /while executing command on /.test(where);
}
/** node-postgres reports these without a code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /is not queryable/,
  /Client was closed and is not queryable/,
];

/** How long a client should wait before retrying, per code (seconds, for `Retry-After`). */
export const RETRY_AFTER_SECONDS: Partial<Record<string, number>> = { TIMEOUT: 1, UNAVAILABLE: 2 };

export function timeoutError(reason: TimeoutReason): AppError {
  return timeoutErrors[reason]();
}

/**
 * Timeouts and outages are not the caller's fault and not a bug: they become TIMEOUT or UNAVAILABLE, which
 * a client can act on (retry after `Retry-After`). Kept apart from map-database-error.ts (constraint
 * violations) so each stays one concern; the one formatter asks both.
 */
export function mapAvailabilityError(error: unknown): AppError | null {
  if (!(error instanceof Error)) return null;
  const code = (error as Error & { code?: unknown }).code;
  // Only errors of those codes: a message quoting the caller's input never comes with them.
  if (code === undefined || code === 'XX000' || code === '08006') {
    if (NODE_UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message)))
      return databaseErrors.nodeUnavailable();
    if (COMMIT_BROKEN_OFF.test(error.message)) return databaseErrors.commitOutcomeUnknown();
  }
  if (typeof code === 'string') {
    const reason = TIMEOUT_STATES[code];
    if (reason) return timeoutError(reason);
    if (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_ERRNOS.has(code))
      return relayedFromNode(error) ? databaseErrors.nodeUnavailable() : databaseErrors.unavailable();
  }
  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message))) return databaseErrors.unavailable();
  return null;
}
