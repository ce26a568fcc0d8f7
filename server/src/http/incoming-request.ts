import type { IncomingMessage } from 'node:http';
import { LRUCache } from 'lru-cache';
import type { Identity } from '../tenancy/identity.js';
import type { IncomingRequest } from '../tenancy/create-request-context.js';
import type { SessionTokens } from '../tenancy/identity.js';

/**
 * One bearer verification per HTTP request. The rate limit and the request context both need the caller's
 * identity, and an API token's check is a database statement that also stamps its last use: verifying
 * twice would double that statement on every scripted call. A refusal is kept too, so the context
 * answers it exactly as before.
 */
const verifiedByRequest = new WeakMap<IncomingMessage, Promise<Identity>>();

export function verifyBearerOnce(req: IncomingMessage, tokens: SessionTokens, token: string): Promise<Identity> {
  let pending = verifiedByRequest.get(req);
  if (!pending) {
    pending = verifyCached(tokens, token);
    verifiedByRequest.set(req, pending);
  }
  return pending;
}

/**
 * Login tokens (JWTs) already verified, until they expire: checking an HS256 signature through WebCrypto
 * costs more than answering a query from the result cache. Safe to keep: a token's signature and claims
 * never change, it leaves the cache at its `exp`, and whether its session still stands (signed out,
 * password or role changed, user deactivated) is checked in the database on every request all the same
 * (apply-identity.ts). API tokens are never kept here: their check is that database lookup itself.
 */
const verifiedTokensOf = new WeakMap<SessionTokens, LRUCache<string, Identity>>();

function expiresInMs(token: string): number {
  const payload = token.split('.')[1];
  if (!payload) return 0;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 - Date.now() : 0;
  } catch {
    return 0;
  }
}

async function verifyCached(tokens: SessionTokens, token: string): Promise<Identity> {
  // one cache per token service (per secret): tokens of one server never pass on another
  let cache = verifiedTokensOf.get(tokens);
  if (!cache) {
    cache = new LRUCache<string, Identity>({ max: 10_000 });
    verifiedTokensOf.set(tokens, cache);
  }
  const known = cache.get(token);
  if (known) return known;
  const identity = await tokens.verify(token);
  const ttl = expiresInMs(token);
  if (!identity.apiToken && ttl > 0) cache.set(token, identity, { ttl });
  return identity;
}

/** The client's address: `X-Forwarded-For` only through the trusted proxies (Express `trust proxy`). */
export function clientAddressOf(req: IncomingMessage & { ip?: string | undefined }): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** What the request context needs of an HTTP request. */
export function incomingRequest(
  req: IncomingMessage & { ip?: string | undefined },
  tokens: SessionTokens,
  clientAddress = clientAddressOf(req),
): IncomingRequest {
  return {
    authorization: req.headers.authorization,
    clientAddress,
    verify: (token) => verifyBearerOnce(req, tokens, token),
  };
}
