/** The only codes clients see; every refusal maps to one of them. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  /** A statement, lock wait or queue wait ran out of time; nothing was written. Retry later (HTTP 503, Retry-After). */
  | 'TIMEOUT'
  /** The database cannot be reached right now (restarting, shutting down); retry later (HTTP 503, Retry-After). */
  | 'UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';
