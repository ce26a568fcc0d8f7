import type { webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { Identity } from '../../tenancy/identity.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { authErrors } from './auth.errors.js';

const ISSUER = 'renda';
const ROLES = new Set<string>(Object.values(UserRole));
/** No login token lives longer than a day, whatever RENDA_TOKEN_TTL_SECONDS says (config refuses more). */
export const MAX_TOKEN_TTL_SECONDS = 24 * 3600;
/** Clock skew tolerated between replicas when checking `iat` and `exp`. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Another kind of bearer token than a login token (an API token): auth does not know its modules, they
 * plug in here (the server composes them, start-server.ts), so auth imports none of its children.
 */
export interface BearerScheme {
  /** Whether the bearer is this scheme's (by its prefix): such a bearer is never tried as a login token. */
  accepts(bearer: string): boolean;
  authenticate(bearer: string): Promise<Identity>;
}

/**
 * Signs and verifies login tokens (HS256). The identity travels in the token together with the user's
 * token version (`ver`), which the request transaction compares with `app_user.token_version`
 * (apply-identity.ts), so a deactivation, password or role change or a sign-out ends the session at once.
 * `exp`, `iat`, `iss` and `sub` are required and the lifetime (`exp - iat`) is capped: a validly signed
 * token that never expires is refused.
 */
export class TokenService {
  /**
   * Imported once: given the secret's bytes, jose imports a key for every token it signs or verifies, a
   * Web Crypto job of its own on each request.
   */
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    /** Other bearer schemes (API tokens); without them, only login tokens are accepted. */
    private readonly schemes: readonly BearerScheme[] = [],
  ) {
    if (ttlSeconds > MAX_TOKEN_TTL_SECONDS) throw new Error(`token lifetime is capped at ${MAX_TOKEN_TTL_SECONDS} s`);
    this.key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
  }

  async issue(identity: Identity): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = new Date((issuedAt + this.ttlSeconds) * 1000);
    const token = await new SignJWT({
      role: identity.role,
      cty: identity.countyId,
      twp: identity.townshipId,
      ...(identity.deputyId ? { dep: identity.deputyId } : {}),
      ver: identity.tokenVersion ?? 0,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(identity.userId)
      .setIssuer(ISSUER)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .sign(await this.key);
    return { token, expiresAt };
  }

  /** A bearer token: the first plugged-in scheme that accepts it (API tokens), otherwise a login token (JWT). */
  async verify(token: string): Promise<Identity> {
    const scheme = this.schemes.find((candidate) => candidate.accepts(token));
    if (scheme) return scheme.authenticate(token);
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'iss', 'sub'],
        maxTokenAge: this.ttlSeconds,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      const { sub, role, cty, twp, dep, ver, exp, iat } = payload;
      if (
        typeof sub !== 'string' ||
        typeof role !== 'string' ||
        !ROLES.has(role) ||
        typeof cty !== 'string' ||
        typeof ver !== 'number' ||
        !Number.isSafeInteger(ver) ||
        exp === undefined ||
        iat === undefined ||
        exp - iat > this.ttlSeconds ||
        (role === UserRole.DEPUTY) !== (typeof dep === 'string')
      ) {
        throw authErrors.invalidSessionToken();
      }
      return {
        userId: sub,
        role: role as UserRole,
        countyId: cty,
        townshipId: typeof twp === 'string' ? twp : null,
        ...(typeof dep === 'string' ? { deputyId: dep } : {}),
        tokenVersion: ver,
      };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw authErrors.sessionExpired();
      throw authErrors.invalidSessionToken();
    }
  }
}
