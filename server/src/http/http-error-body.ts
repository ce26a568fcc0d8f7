import type { Response } from 'express';
import { appErrorExtensions, type AppError } from '../common/errors/app-error.js';

/**
 * Refusals made outside GraphQL (body parsing, rate limiting, the CSV route) answer in the shape of a
 * GraphQL error response, so the dashboard's one error reader (`extensions.messageZh` / `messageEn`)
 * shows them like any other. `error` is an entry of http.errors.ts.
 */
export function sendHttpError(res: Response, status: number, error: AppError): void {
  res.status(status).set('cache-control', 'no-store').json(httpErrorBody(error));
}

/** The body of such a refusal, also written straight to a socket (client-error-handler.ts). */
export function httpErrorBody(error: AppError): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message: error.message, extensions: appErrorExtensions(error) }] };
}
