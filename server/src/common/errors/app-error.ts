import type { ErrorCode } from './error-code.js';

export type FieldPath = readonly (string | number)[];

export interface AppErrorOptions {
  code: ErrorCode;
  /**
   * What exactly was refused, stable and specific (SCREAMING_SNAKE: `REPORT_ALREADY_ACCEPTED`), where
   * `code` only says which kind of refusal it is. Clients and support branch on it; messages may change.
   */
  reason: string;
  /** Chinese first: the platform's users read Chinese. */
  messageZh: string;
  messageEn: string;
  /** Path of the offending input field, e.g. ['input', 'occurredOn']. */
  field?: FieldPath;
  details?: Record<string, unknown>;
}

/** A refusal the client should see as is. Everything else is an internal error and is hidden. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly field: FieldPath | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(options: AppErrorOptions) {
    super(`${options.messageZh} / ${options.messageEn}`);
    this.name = 'AppError';
    this.code = options.code;
    this.reason = options.reason;
    this.messageZh = options.messageZh;
    this.messageEn = options.messageEn;
    this.field = options.field;
    this.details = options.details;
  }
}

/** The `extensions` of a GraphQL error (or an HTTP refusal in that shape) a client reads. */
export function appErrorExtensions(error: AppError): Record<string, unknown> {
  return {
    code: error.code,
    reason: error.reason,
    field: error.field ?? null,
    messageZh: error.messageZh,
    messageEn: error.messageEn,
    ...(error.details ? { details: error.details } : {}),
  };
}
