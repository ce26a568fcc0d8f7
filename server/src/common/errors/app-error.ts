import type { ErrorCode } from './error-code.js';

export interface AppErrorOptions {
  code: ErrorCode;
  /** Chinese first: the platform's users read Chinese. */
  messageZh: string;
  messageEn: string;
  /** Path of the offending input field, e.g. ['input', 'occurredOn']. */
  field?: readonly (string | number)[];
  details?: Record<string, unknown>;
}

/** A refusal the client should see as is. Everything else is an internal error and is hidden. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly field: readonly (string | number)[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(options: AppErrorOptions) {
    super(`${options.messageZh} / ${options.messageEn}`);
    this.name = 'AppError';
    this.code = options.code;
    this.messageZh = options.messageZh;
    this.messageEn = options.messageEn;
    this.field = options.field;
    this.details = options.details;
  }
}
