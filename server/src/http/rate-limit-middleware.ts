import type { IncomingMessage, ServerResponse } from 'node:http';
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
 *
 * One instance per server: the Express middleware and the GraphQL fast path count against the same
 * counters.
 */
export class RateLimit {
  private readonly limiters: { kind: 'user' | 'address'; limiter: RateLimiterMemory }[] = [];
  private readonly perUser: RateLimiterMemory | null;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly deps: { tokens: TokenService; logger: Logger },
  ) {
    this.perUser =
      options.perUser > 0
        ? new RateLimiterMemory({ keyPrefix: 'user', points: options.perUser, duration: options.windowSeconds })
        : null;
    const perAddress =
      options.perAddress > 0
        ? new RateLimiterMemory({ keyPrefix: 'address', points: options.perAddress, duration: options.windowSeconds })
        : null;
    if (this.perUser) this.limiters.push({ kind: 'user', limiter: this.perUser });
    if (perAddress) this.limiters.push({ kind: 'address', limiter: perAddress });
  }

  private async userOf(req: IncomingMessage): Promise<string | null> {
    const authorization = req.headers.authorization;
    const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
    if (!token || !this.perUser) return null;
    try {
      // Shared with the request context: an API token's check (a statement) runs once per request.
      return (await verifyBearerOnce(req, this.deps.tokens, token)).userId;
    } catch {
      return null;
    }
  }

  /**
   * Counts the request; when it is over a limit, answers 429 and returns true (nothing else may answer).
   * Throws what the limiter throws other than its refusal.
   */
  async refused(req: IncomingMessage, res: ServerResponse, address: string): Promise<boolean> {
    if (this.limiters.length === 0) return false;
    const userId = await this.userOf(req);
    const keys = { address, user: userId };
    for (const { kind, limiter } of this.limiters) {
      const key = keys[kind];
      if (key === null) continue;
      try {
        await limiter.consume(key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        this.deps.logger.warn('rate limited', {
          limit: kind,
          retryAfterSeconds: retryAfter,
          ...(userId ? { userId } : {}),
        });
        res.setHeader('retry-after', String(retryAfter));
        sendHttpError(
          res,
          429,
          httpErrors.tooManyRequests(kind, limiter.points, this.options.windowSeconds, retryAfter),
        );
        return true;
      }
    }
    return false;
  }
}

/** The rate limit in front of every Express route but the probes' and scrapes'. */
export function rateLimitMiddleware(rateLimit: RateLimit): RequestHandler {
  return async (req: Request, res, next) => {
    if (EXEMPT_PATHS.has(req.path)) {
      next();
      return;
    }
    try {
      if (!(await rateLimit.refused(req, res, clientAddressOf(req)))) next();
    } catch (error) {
      next(error);
    }
  };
}
