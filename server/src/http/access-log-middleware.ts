import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../common/logging/logger.js';
import { requestScope } from '../common/logging/request-scope.js';

/** Probes and scrapes arrive every few seconds from every kubelet and Prometheus: not worth a line each. */
const QUIET_PATHS = new Set(['/livez', '/readyz', '/metrics']);

/**
 * Writes the request's line when its response has been sent: method, path, status and duration (the
 * request id and the operation come from the scope). Call it inside the request's scope.
 */
export function logWhenFinished(logger: Logger, req: IncomingMessage, res: ServerResponse, path: string): void {
  const started = process.hrtime.bigint();
  // 'finish' fires in the socket's async context, not the request's: take the scope now.
  const scope = requestScope.getStore();
  res.once('finish', () => {
    logger.info('request', {
      requestId: scope?.requestId,
      operation: scope?.operationName,
      method: req.method,
      path,
      status: res.statusCode,
      durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
    });
  });
}

/** One line per finished request (logWhenFinished), but for the probes' and scrapes' paths. */
export function accessLogMiddleware(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (QUIET_PATHS.has(req.path)) return next();
    // originalUrl: a mounted router (/graphql) rewrites req.path by the time the response is sent.
    logWhenFinished(logger, req, res, req.originalUrl.split('?')[0]!);
    next();
  };
}
