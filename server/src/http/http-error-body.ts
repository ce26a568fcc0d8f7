import type { ServerResponse } from 'node:http';
import { appErrorExtensions, type AppError } from '../common/errors/app-error.js';

/**
 * Refusals made outside GraphQL (body parsing, rate limiting, the CSV route) answer in the shape of a
 * GraphQL error response, so the dashboard's one error reader (`extensions.messageZh` / `messageEn`)
 * shows them like any other. `error` is an entry of http.errors.ts.
 */
export function sendHttpError(res: ServerResponse, status: number, error: AppError): void {
  // As Express's `res.json` wrote it, on any response (the GraphQL fast path has no Express response).
  const body = JSON.stringify(httpErrorBody(error));
  res.statusCode = status;
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** The body of such a refusal, also written straight to a socket (client-error-handler.ts). */
export function httpErrorBody(error: AppError): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message: error.message, extensions: appErrorExtensions(error) }] };
}
