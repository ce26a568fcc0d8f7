import { SignJWT, jwtVerify } from 'jose';

/** Who a benchmark request acts as: the same four facts the server's token carries. */
export interface BenchIdentity {
  userId: string;
  role: 'TOWNSHIP_CLERK' | 'TOWNSHIP_VIEWER' | 'COUNTY_STAFF' | 'ANALYST' | 'COUNTY_ADMIN';
  countyId: string;
  townshipId: string | null;
}

const ISSUER = 'renda';
const ROLES = new Set(['TOWNSHIP_CLERK', 'TOWNSHIP_VIEWER', 'COUNTY_STAFF', 'ANALYST', 'COUNTY_ADMIN']);

/** A token in the server's own format (server/src/modules/auth/token-service.ts), so every contender verifies the same thing. */
export async function mintToken(secret: string, identity: BenchIdentity): Promise<string> {
  // `ver`: the user's app_user.token_version, which the server checks per request; the scale tiers'
  // users are loaded once and never changed, so it is still 0.
  return new SignJWT({ role: identity.role, cty: identity.countyId, twp: identity.townshipId, ver: 0 })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime('8h')
    .sign(new TextEncoder().encode(secret));
}

/** PostGraphile and the floor verify the bearer token per request, as the server does. */
export async function verifyToken(secret: string, authorization: string | undefined): Promise<BenchIdentity> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw new Error('missing bearer token');
  const { payload } = await jwtVerify(match[1]!, new TextEncoder().encode(secret), {
    issuer: ISSUER,
    algorithms: ['HS256'],
  });
  const { sub, role, cty, twp } = payload;
  if (typeof sub !== 'string' || typeof role !== 'string' || !ROLES.has(role) || typeof cty !== 'string') {
    throw new Error('malformed token');
  }
  return {
    userId: sub,
    role: role as BenchIdentity['role'],
    countyId: cty,
    townshipId: typeof twp === 'string' ? twp : null,
  };
}

/**
 * Exactly what server/src/tenancy/apply-identity.ts sets, transaction-local: the four renda.*
 * settings, and `role` (analysts switch to the role without PII columns; everyone else resets it).
 */
export function identitySettings(identity: BenchIdentity): Record<string, string> {
  return {
    'renda.user_id': identity.userId,
    'renda.role': identity.role,
    'renda.county_id': identity.countyId,
    'renda.township_id': identity.townshipId ?? '',
    role: identity.role === 'ANALYST' ? 'renda_analyst' : 'none',
  };
}
