import type { Request } from 'express';
import type { Identity } from '../common/context/identity.js';
import type { IncomingRequest } from '../common/context/create-request-context.js';
import type { TokenService } from '../modules/auth/token-service.js';

/**
 * One bearer verification per HTTP request. The rate limit and the request context both need the caller's
 * identity, and an API token's check is a database statement that also stamps its last use: verifying
 * twice would double that statement on every scripted call. A refusal is kept too, so the context
 * answers it exactly as before.
 */
const verifiedByRequest = new WeakMap<Request, Promise<Identity>>();

export function verifyBearerOnce(req: Request, tokens: TokenService, token: string): Promise<Identity> {
  let pending = verifiedByRequest.get(req);
  if (!pending) {
    pending = tokens.verify(token);
    verifiedByRequest.set(req, pending);
  }
  return pending;
}

/** The client's address: `X-Forwarded-For` only through the trusted proxies (Express `trust proxy`). */
export function clientAddressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** What the request context needs of an HTTP request. */
export function incomingRequest(req: Request, tokens: TokenService): IncomingRequest {
  return {
    authorization: req.headers.authorization,
    clientAddress: clientAddressOf(req),
    verify: (token) => verifyBearerOnce(req, tokens, token),
  };
}
