import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits), URL-safe: a plain SHA-256 suffices to store it (no slow hash needed). */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
