import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sslOptionsFromUrl } from './ssl-options.js';

describe('TLS options from a connection URL', () => {
  const ca = join(mkdtempSync(join(tmpdir(), 'renda-ssl-')), 'ca.crt');
  writeFileSync(ca, '-----BEGIN CERTIFICATE-----\ntest\n-----END CERTIFICATE-----\n');
  const base = 'postgresql://renda_app:pw@renda-db-rw:5432/renda';

  it('uses no TLS without sslmode or with disable', () => {
    expect(sslOptionsFromUrl(base)).toBeUndefined();
    expect(sslOptionsFromUrl(`${base}?sslmode=disable`)).toBeUndefined();
  });

  it('encrypts without verifying for require, as libpq does', () => {
    expect(sslOptionsFromUrl(`${base}?sslmode=require`)).toEqual({ rejectUnauthorized: false });
  });

  it('verifies the chain against sslrootcert, and the host name too for verify-full', () => {
    const full = sslOptionsFromUrl(`${base}?sslmode=verify-full&sslrootcert=${ca}`);
    expect(full).toEqual({ rejectUnauthorized: true, ca: expect.stringContaining('BEGIN CERTIFICATE') });
    const chainOnly = sslOptionsFromUrl(`${base}?sslmode=verify-ca&sslrootcert=${ca}`);
    expect(chainOnly).toMatchObject({ rejectUnauthorized: true, ca: expect.any(String) });
    expect(chainOnly?.checkServerIdentity?.('renda-db-rw', {} as never)).toBeUndefined();
  });

  it('refuses a mode it does not implement rather than connecting in the clear', () => {
    expect(() => sslOptionsFromUrl(`${base}?sslmode=prefer`)).toThrow(/unsupported sslmode "prefer"/);
  });
});
