import express from 'express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { precompressedAssets } from './precompressed-assets.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe('precompressed dashboard assets', () => {
  const source = 'export const answer = 42;\n'.repeat(200);
  let dir: string;
  let server: Server;
  let port: number;

  const fetchRaw = (path: string, acceptEncoding?: string) =>
    new Promise<Reply>((resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
      get({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      }).on('error', reject);
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'renda-assets-'));
    writeFileSync(join(dir, 'app-1a2b.js'), source);
    writeFileSync(join(dir, 'app-1a2b.js.br'), brotliCompressSync(source));
    writeFileSync(join(dir, 'app-1a2b.js.gz'), gzipSync(source));
    writeFileSync(join(dir, 'only-gzip.css'), 'a{}');
    writeFileSync(join(dir, 'only-gzip.css.gz'), gzipSync('a{}'));
    writeFileSync(join(dir, 'plain.svg'), '<svg/>');
    const app = express();
    const cache = { immutable: true, maxAge: '1y' };
    app.use('/assets', precompressedAssets(dir, cache), express.static(dir, { ...cache, fallthrough: false }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends Brotli when accepted, with the original type and the long cache', async () => {
    const reply = await fetchRaw('/assets/app-1a2b.js', 'gzip, deflate, br');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers['content-type']).toMatch(/javascript/);
    expect(reply.headers['vary']).toMatch(/accept-encoding/i);
    expect(reply.headers['cache-control']).toMatch(/immutable/);
    expect(brotliDecompressSync(reply.body).toString()).toBe(source);
    expect(reply.body.length).toBeLessThan(source.length / 10);
  });

  it('falls back to gzip, then to the file itself', async () => {
    const gz = await fetchRaw('/assets/app-1a2b.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(source);
    const refused = await fetchRaw('/assets/app-1a2b.js', 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(source);
    const none = await fetchRaw('/assets/app-1a2b.js');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(source);
    const css = await fetchRaw('/assets/only-gzip.css', 'br, gzip');
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.headers['content-type']).toMatch(/text\/css/);
  });

  it('serves files without copies as they are, and never a path outside the list', async () => {
    const svg = await fetchRaw('/assets/plain.svg', 'br');
    expect(svg.headers['content-encoding']).toBeUndefined();
    expect(svg.body.toString()).toBe('<svg/>');
    const traversal = await fetchRaw('/assets/..%2f..%2fetc%2fpasswd', 'br');
    expect(traversal.status).toBeGreaterThanOrEqual(400);
    expect(traversal.headers['content-encoding']).toBeUndefined();
  });
});
