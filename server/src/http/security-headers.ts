import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { RequestHandler, Response } from 'express';

/** The per-response nonce that lets the dashboard's editor add its own <style> element (see below). */
export function cspNonceOf(res: Response | ServerResponse): string {
  return String((res as Response).locals['cspNonce']);
}

/**
 * helmet's headers on every response, with a Content-Security-Policy the built dashboard runs under
 * (proven in Chromium by dashboard/e2e/security-headers.test.ts): its scripts, styles and fonts are
 * files of this origin, the API is this origin, charts export PNGs through `data:`/`blob:` URLs.
 * Nothing inline except <style> elements carrying this response's nonce: CodeMirror (the explorer's
 * editor) writes its styles into one, and index.html hands the nonce to it in a meta tag
 * (serve-dashboard.ts). Nothing from elsewhere, and no framing (frame-ancestors 'none' and X-Frame-Options
 * DENY) so the screens cannot be overlaid for clickjacking. `upgrade-insecure-requests` is left out:
 * a township intranet may serve the dashboard over plain HTTP, where it would break every asset.
 * HSTS (one year, subdomains) is sent always; browsers honour it only over HTTPS, where the ingress
 * terminates TLS.
 */
export function securityHeaders(): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    res.locals['cspNonce'] = randomBytes(16).toString('base64');
    next();
  };
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", (_req, res) => `'nonce-${cspNonceOf(res)}'`],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });
  return [nonce, headers];
}
