import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../common/logging/logger.js';
import type { AppError } from '../common/errors/app-error.js';
import { sendHttpError } from './http-error-body.js';
import { httpErrors } from './http.errors.js';

export { MAX_BODY_BYTES } from './http.errors.js';

/** body-parser's error types (http-errors with `type`), as clients should read them. */
const BODY_ERRORS: Record<string, { status: number; error: () => AppError }> = {
  'entity.parse.failed': { status: 400, error: httpErrors.bodyNotJson },
  'entity.too.large': { status: 413, error: httpErrors.bodyTooLarge },
  'charset.unsupported': { status: 415, error: httpErrors.charsetUnsupported },
  'encoding.unsupported': { status: 415, error: httpErrors.encodingUnsupported },
};

function errorType(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string'
    ? error.type
    : undefined;
}

function errorStatus(error: unknown): number | undefined {
  const status =
    typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
      ? error.status
      : undefined;
  return status !== undefined && status >= 400 && status < 600 ? status : undefined;
}

/**
 * How a request that failed is answered (the Express app's last error handler, and the GraphQL fast path,
 * which has no Express): body-parser's refusals become coded JSON, anything else a generic
 * INTERNAL_SERVER_ERROR that is logged as one JSON line. `path` is the request's, without its query.
 */
export function answerRequestError(
  logger: Logger,
  error: unknown,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): void {
  const known = BODY_ERRORS[errorType(error) ?? ''];
  const status = errorStatus(error);
  if (res.headersSent) {
    // too late for a clean answer: end the connection rather than send half a body as if whole
    logger.error(error, 'request failed after its response began', { path });
    req.socket.destroy();
    return;
  }
  if (known) {
    logger.warn('request body refused', { reason: errorType(error), status: known.status });
    sendHttpError(res, known.status, known.error());
    return;
  }
  if (status === 404) {
    // express.static with fallthrough off: an asset that does not exist
    sendHttpError(res, status, httpErrors.noSuchPath());
    return;
  }
  if (status !== undefined && status < 500) {
    // another client error raised by a parser (an aborted or mis-sized body): say so, nothing more
    logger.warn('request refused', { reason: errorType(error) ?? 'client error', status });
    sendHttpError(res, status, httpErrors.badRequest());
    return;
  }
  logger.error(error, 'unexpected error while handling a request', { path });
  sendHttpError(res, 500, httpErrors.internal());
}

/**
 * The app's last error handler, instead of Express's (an HTML page with the stack and absolute paths,
 * and the stack printed to stderr as plain text): `answerRequestError`. Same in every mode.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    answerRequestError(logger, error, req, res, req.originalUrl.split('?')[0]!);
  };
}

export function requireJsonBody(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' || req.is('application/json')) {
      next();
      return;
    }
    sendHttpError(res, 415, httpErrors.contentTypeNotJson(req.headers['content-type'] ?? null));
  };
}

/** After every route: a coded JSON 404 rather than Express's HTML "Cannot GET …" page. */
export function jsonNotFound(): RequestHandler {
  return (_req, res) => {
    sendHttpError(res, 404, httpErrors.noSuchPath());
  };
}
