import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../common/logging/logger.js';
import { sendHttpError, type HttpErrorOptions } from './http-error-body.js';

/** The body limit of /graphql and /export/csv, for the parsers and for the refusal's details. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** body-parser's error types (http-errors with `type`), as clients should read them. */
const BODY_ERRORS: Record<string, Omit<HttpErrorOptions, 'code'>> = {
  'entity.parse.failed': {
    status: 400,
    messageZh: '请求体不是有效的 JSON',
    messageEn: 'The request body is not valid JSON',
  },
  'entity.too.large': {
    status: 413,
    messageZh: `请求体超过上限 ${MAX_BODY_BYTES} 字节`,
    messageEn: `The request body exceeds the limit of ${MAX_BODY_BYTES} bytes`,
    details: { limit: 'bodySize', max: MAX_BODY_BYTES },
  },
  'charset.unsupported': {
    status: 415,
    messageZh: '请求体的字符集不受支持，请使用 UTF-8',
    messageEn: 'Unsupported charset; send UTF-8',
  },
  'encoding.unsupported': {
    status: 415,
    messageZh: '请求体的压缩编码不受支持',
    messageEn: 'Unsupported content encoding',
  },
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
 * The app's last error handler, instead of Express's (an HTML page with the stack and absolute paths,
 * and the stack printed to stderr as plain text): body-parser's refusals become coded JSON, anything
 * else a generic INTERNAL_SERVER_ERROR that is logged as one JSON line. Same in every mode.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = BODY_ERRORS[errorType(error) ?? ''];
    const status = errorStatus(error);
    if (res.headersSent) {
      // too late for a clean answer: end the connection rather than send half a body as if whole
      logger.error(error, 'request failed after its response began', { path: req.originalUrl.split('?')[0] });
      req.socket.destroy();
      return;
    }
    if (known) {
      logger.warn('request body refused', { reason: errorType(error), status: known.status });
      sendHttpError(res, { ...known, code: 'BAD_USER_INPUT' });
      return;
    }
    if (status === 404) {
      // express.static with fallthrough off: an asset that does not exist
      sendHttpError(res, { status, code: 'NOT_FOUND', messageZh: '没有这个地址', messageEn: 'No such path' });
      return;
    }
    if (status !== undefined && status < 500) {
      // another client error raised by a parser (an aborted or mis-sized body): say so, nothing more
      logger.warn('request refused', { reason: errorType(error) ?? 'client error', status });
      sendHttpError(res, { status, code: 'BAD_USER_INPUT', messageZh: '请求无效', messageEn: 'Bad request' });
      return;
    }
    logger.error(error, 'unexpected error while handling a request', { path: req.originalUrl.split('?')[0] });
    sendHttpError(res, {
      status: 500,
      code: 'INTERNAL_SERVER_ERROR',
      messageZh: '服务器内部错误',
      messageEn: 'Internal server error',
    });
  };
}

/**
 * POST bodies of the JSON API must be JSON: anything else is refused with 415 before parsing. On
 * /graphql Apollo already answers coded JSON for other types (and must, for its CSRF check), so this
 * guards the routes Apollo does not own.
 */
export function requireJsonBody(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' || req.is('application/json')) {
      next();
      return;
    }
    sendHttpError(res, {
      status: 415,
      code: 'BAD_USER_INPUT',
      messageZh: '请求体须为 JSON（Content-Type: application/json）',
      messageEn: 'The request body must be JSON (Content-Type: application/json)',
      details: { contentType: req.headers['content-type'] ?? null },
    });
  };
}

/** After every route: a coded JSON 404 rather than Express's HTML "Cannot GET …" page. */
export function jsonNotFound(): RequestHandler {
  return (_req, res) => {
    sendHttpError(res, { status: 404, code: 'NOT_FOUND', messageZh: '没有这个地址', messageEn: 'No such path' });
  };
}
