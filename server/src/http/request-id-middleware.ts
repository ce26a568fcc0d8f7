import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { requestScope } from '../common/logging/request-scope.js';

/** An id the ingress (or a caller) already gave the request is kept if it looks like one. */
const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's `X-Request-Id` when it looks like one, else a new id. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Gives every request an id (the ingress's `X-Request-ID` when present, so one id follows the request
 * through proxy and server logs), echoes it in the response, and runs the rest of the request inside
 * its scope so every log line written for it carries the id.
 */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    requestScope.run({ requestId }, next);
  };
}
