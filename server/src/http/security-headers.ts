import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * helmet's headers on every response, with a Content-Security-Policy the built dashboard runs under
 * (proven in Chromium by dashboard/e2e/security-headers.test.ts): its scripts, styles and fonts are
 * files of this origin, the API is this origin, charts export PNGs through `data:`/`blob:` URLs.
 * Nothing inline, nothing from elsewhere, and no framing (frame-ancestors 'none' and X-Frame-Options
 * DENY) so the screens cannot be overlaid for clickjacking. `upgrade-insecure-requests` is left out:
 * a township intranet may serve the dashboard over plain HTTP, where it would break every asset.
 * HSTS (one year, subdomains) is sent always; browsers honour it only over HTTPS, where the ingress
 * terminates TLS.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
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
}
