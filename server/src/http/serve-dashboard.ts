import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../config/app-config.js';
import { precompressedAssets } from './precompressed-assets.js';
import { cspNonceOf, documentSecurityHeaders } from './security-headers.js';

/** Paths that stay the API's: never answered with the dashboard's index.html. */
const API_PATHS = ['/graphql', '/livez', '/readyz', '/metrics', '/export'];

function isApiPath(path: string): boolean {
  return API_PATHS.some((api) => path === api || path.startsWith(`${api}/`));
}

/** The built dashboard (`npm run build -w dashboard`), when it exists. */
export function defaultDashboardDir(): string {
  return join(findRepoRoot(), 'dashboard', 'dist');
}

/**
 * Serves the built dashboard at / from the API's own origin (no CORS, one port): hashed assets with a
 * long cache, and index.html (never cached) for any other GET that names no file, so the dashboard's
 * own routes (/townships/…) survive a reload. The API's paths are left alone. Does nothing, and returns
 * false, when the dashboard has not been built.
 */
export function serveDashboard(app: Express, dir: string = defaultDashboardDir()): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  // Read once: the build does not change while the server runs. Each response gets its CSP nonce.
  const html = readFileSync(index, 'utf8');
  app.use(
    '/assets',
    precompressedAssets(join(dir, 'assets'), { immutable: true, maxAge: '1y' }),
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  const pageHeaders = documentSecurityHeaders();
  const sendPage = (_req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-cache');
    const nonce = cspNonceOf(res).replace(/[^A-Za-z0-9+/=]/g, '');
    res.type('html').send(html.replace('</head>', `  <meta name="csp-nonce" content="${nonce}" />\n  </head>`));
  };
  app.use((req: Request, res: Response, next: NextFunction) => {
    const lastSegment = req.path.slice(req.path.lastIndexOf('/') + 1);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || lastSegment.includes('.')) {
      next();
      return;
    }
    pageHeaders(req, res, (error?: unknown) => (error ? next(error) : sendPage(req, res)));
  });
  return true;
}
