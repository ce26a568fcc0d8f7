import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';

/**
 * TLS settings for node-postgres from a connection URL's libpq-style parameters. MikroORM keeps only
 * host, port, user, password and database from `clientUrl`, so without this `?sslmode=verify-full`
 * would be dropped silently and the connection left unencrypted.
 *
 * - `sslmode=disable` or none: no TLS (returns undefined).
 * - `require`: encrypted, server not verified (libpq's meaning).
 * - `verify-ca`: encrypted, certificate signed by `sslrootcert`'s CA.
 * - `verify-full`: as verify-ca, and the certificate names the host connected to.
 */
export function sslOptionsFromUrl(url: string): ConnectionOptions | undefined {
  const params = new URL(url).searchParams;
  const mode = params.get('sslmode') ?? 'disable';
  const rootCert = params.get('sslrootcert');
  const ca = rootCert ? readFileSync(rootCert, 'utf8') : undefined;
  switch (mode) {
    case 'disable':
      return undefined;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, ...(ca ? { ca } : {}), checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true, ...(ca ? { ca } : {}) };
    default:
      throw new Error(`unsupported sslmode "${mode}" (disable, require, verify-ca or verify-full)`);
  }
}
