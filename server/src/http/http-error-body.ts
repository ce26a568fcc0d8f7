import type { Response } from 'express';
import type { ErrorCode } from '../common/errors/error-code.js';

export interface HttpErrorOptions {
  status: number;
  code: ErrorCode;
  messageZh: string;
  messageEn: string;
  field?: readonly (string | number)[] | null;
  details?: Record<string, unknown>;
}

/**
 * Refusals made outside GraphQL (body parsing, rate limiting, the CSV route) answer in the shape of a
 * GraphQL error response, so the dashboard's one error reader (`extensions.messageZh` / `messageEn`)
 * shows them like any other.
 */
export function sendHttpError(res: Response, options: HttpErrorOptions): void {
  res
    .status(options.status)
    .set('cache-control', 'no-store')
    .json({
      errors: [
        {
          message: `${options.messageZh} / ${options.messageEn}`,
          extensions: {
            code: options.code,
            field: options.field ?? null,
            messageZh: options.messageZh,
            messageEn: options.messageEn,
            ...(options.details ? { details: options.details } : {}),
          },
        },
      ],
    });
}
