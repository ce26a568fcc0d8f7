import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppConfig } from './app-config.js';

/**
 * RENDA_JWT_SECRET when set. Outside production a random secret is kept beside the embedded database
 * (`.data/jwt-secret`) so tokens survive restarts; production refuses to start without one.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.jwtSecret) {
    if (config.production && config.jwtSecret.length < 32)
      throw new Error('RENDA_JWT_SECRET must be at least 32 characters');
    return config.jwtSecret;
  }
  if (config.production) throw new Error('RENDA_JWT_SECRET is required in production');
  const file = join(dirname(config.embeddedPgDir), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
