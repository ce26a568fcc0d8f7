import { SignJWT, jwtVerify, errors } from 'jose';
import type { Identity } from '../../common/context/identity.js';
import { UserRole } from './user-role.enum.js';
import { authErrors } from './auth.errors.js';

const ISSUER = 'renda';
const ROLES = new Set<string>(Object.values(UserRole));

/** Signs and verifies login tokens (HS256). The identity travels in the token; no session table. */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(identity: Identity): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    const token = await new SignJWT({ role: identity.role, cty: identity.countyId, twp: identity.townshipId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(identity.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<Identity> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const { sub, role, cty, twp } = payload;
      if (typeof sub !== 'string' || typeof role !== 'string' || !ROLES.has(role) || typeof cty !== 'string') {
        throw authErrors.notSignedIn();
      }
      return { userId: sub, role: role as UserRole, countyId: cty, townshipId: typeof twp === 'string' ? twp : null };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw authErrors.sessionExpired();
      throw authErrors.notSignedIn();
    }
  }
}
