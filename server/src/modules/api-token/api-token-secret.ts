import { createHash, randomBytes } from 'node:crypto';

/** Every API token starts with this, so a bearer token is told from a login token (a JWT) at a glance. */
export const API_TOKEN_PREFIX = 'renda_';

/** A new secret: 32 random bytes (256 bits), so a plain SHA-256 suffices to store it (no slow hash needed). */
export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashApiTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function looksLikeApiToken(bearer: string): boolean {
  return bearer.startsWith(API_TOKEN_PREFIX);
}
