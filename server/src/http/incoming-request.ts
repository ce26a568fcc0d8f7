import type { Request } from 'express';
import type { Identity } from '../tenancy/identity.js';
import type { IncomingRequest } from '../tenancy/create-request-context.js';
import type { SessionTokens } from '../tenancy/identity.js';

/**
 * One bearer verification per HTTP request. The rate limit and the request context both need the caller's
 * identity, and an API token's check is a database statement that also stamps its last use: verifying
 * twice would double that statement on every scripted call. A refusal is kept too, so the context
 * answers it exactly as before.
 */
const verifiedByRequest = new WeakMap<Request, Promise<Identity>>();

export function verifyBearerOnce(req: Request, tokens: SessionTokens, token: string): Promise<Identity> {
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
export function incomingRequest(req: Request, tokens: SessionTokens): IncomingRequest {
  return {
    authorization: req.headers.authorization,
    clientAddress: clientAddressOf(req),
    verify: (token) => verifyBearerOnce(req, tokens, token),
  };
}
