import type { Request, RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../common/logging/logger.js';
import type { TokenService } from '../modules/auth/token-service.js';
import { sendHttpError } from './http-error-body.js';
import { clientAddressOf, verifyBearerOnce } from './incoming-request.js';
import { httpErrors } from './http.errors.js';

export interface RateLimitOptions {
  /** Requests per window for one signed-in user; 0 turns the per-user limit off. */
  perUser: number;
  /** Requests per window from one client address (all users behind it together); 0: off. */
  perAddress: number;
  windowSeconds: number;
}

/** Probes and scrapes come from the platform, every few seconds, and must never be refused. */
const EXEMPT_PATHS = new Set(['/livez', '/readyz', '/metrics']);

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The general flood guard, in front of everything else (body parsing included): every request counts
 * once against its client address and, when it carries a valid token, once against its user. Over
 * either, 429 with `Retry-After` and a coded RATE_LIMITED body. Counters live in this process's memory
 * (rate-limiter-flexible's RateLimiterMemory): see server/README.md for why not PostgreSQL. An invalid
 * token counts as anonymous here and is refused later by the request context, as before.
 */
export function rateLimitMiddleware(
  options: RateLimitOptions,
  deps: { tokens: TokenService; logger: Logger },
): RequestHandler {
  const limiters: { kind: 'user' | 'address'; limiter: RateLimiterMemory }[] = [];
  const perUser =
    options.perUser > 0
      ? new RateLimiterMemory({ keyPrefix: 'user', points: options.perUser, duration: options.windowSeconds })
      : null;
  const perAddress =
    options.perAddress > 0
      ? new RateLimiterMemory({ keyPrefix: 'address', points: options.perAddress, duration: options.windowSeconds })
      : null;
  if (perUser) limiters.push({ kind: 'user', limiter: perUser });
  if (perAddress) limiters.push({ kind: 'address', limiter: perAddress });

  async function userOf(req: Request): Promise<string | null> {
    const authorization = req.headers.authorization;
    const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
    if (!token || !perUser) return null;
    try {
      // Shared with the request context: an API token's check (a statement) runs once per request.
      return (await verifyBearerOnce(req, deps.tokens, token)).userId;
    } catch {
      return null;
    }
  }

  return async (req, res, next) => {
    if (limiters.length === 0 || EXEMPT_PATHS.has(req.path)) {
      next();
      return;
    }
    const address = clientAddressOf(req);
    const userId = await userOf(req);
    const keys = { address, user: userId };
    for (const { kind, limiter } of limiters) {
      const key = keys[kind];
      if (key === null) continue;
      try {
        await limiter.consume(key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) {
          next(error);
          return;
        }
        const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        deps.logger.warn('rate limited', { limit: kind, retryAfterSeconds: retryAfter, ...(userId ? { userId } : {}) });
        res.set('retry-after', String(retryAfter));
        sendHttpError(res, 429, httpErrors.tooManyRequests(kind, limiter.points, options.windowSeconds, retryAfter));
        return;
      }
    }
    next();
  };
}
