import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { RequestHandler, Response } from 'express';

/** The nonce the dashboard's page was sent with (see documentSecurityHeaders). */
export function cspNonceOf(res: Response | ServerResponse): string {
  return String((res as Response).locals['cspNonce']);
}

/** The policy shared by every response; only the style source differs for the dashboard's page. */
function directives(styleSrc: Array<string | ((req: unknown, res: ServerResponse) => string)>) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc,
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    scriptSrcAttr: ["'none'"],
  };
}

/**
 * helmet's headers on every response, with a Content-Security-Policy the built dashboard runs under
 * (proven in Chromium by dashboard/e2e/security-headers.test.ts): its scripts, styles and fonts are
 * files of this origin, the API is this origin, charts export PNGs through `data:`/`blob:` URLs.
 * Nothing from elsewhere, and no framing (frame-ancestors 'none' and X-Frame-Options DENY) so the
 * screens cannot be overlaid for clickjacking. `upgrade-insecure-requests` is left out: a township
 * intranet may serve the dashboard over plain HTTP, where it would break every asset. HSTS (one year,
 * subdomains) is sent always; browsers honour it only over HTTPS, where the ingress terminates TLS.
 *
 * The policy here is the same text for every response: API answers, assets and errors are never
 * rendered as documents with inline styles, so they need no nonce, and generating one per response was
 * a measurable share of a cached answer's cost. The dashboard's page replaces it with the nonce'd
 * policy (documentSecurityHeaders).
 */
export function securityHeaders(): RequestHandler {
  const headers = apiSecurityHeaders();
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

let apiHeaders: readonly (readonly [string, string])[] | null = null;

/** The headers securityHeaders sets, as name–value pairs: also set by the GraphQL fast path. */
export function apiSecurityHeaders(): readonly (readonly [string, string])[] {
  apiHeaders ??= fixedHeadersOf(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: directives(["'self'"]) },
      frameguard: { action: 'deny' },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  return apiHeaders;
}

/**
 * The headers a helmet configuration without per-request parts sets, recorded once at start-up: the
 * same list every response, without walking helmet's chain of thirteen middlewares each time. Refuses a
 * configuration that does anything but set headers (a nonce, say), which could not be recorded.
 */
function fixedHeadersOf(middleware: RequestHandler): [string, string][] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    // helmet removes X-Powered-By, which Express no longer sets (`x-powered-by` is disabled)
    removeHeader: () => undefined,
    locals: {},
  };
  let passed = false;
  middleware({} as Parameters<RequestHandler>[0], recorder as unknown as Parameters<RequestHandler>[1], (error) => {
    if (error) throw error;
    passed = true;
  });
  if (!passed) throw new Error('the security headers need the request: they cannot be recorded once');
  return headers;
}

/**
 * For the dashboard's HTML page only: a fresh nonce per response and the policy allowing <style>
 * elements carrying it. CodeMirror (the explorer's editor) writes its styles into one, and index.html
 * hands the nonce to it in a meta tag (serve-dashboard.ts). Runs after securityHeaders and replaces its
 * Content-Security-Policy header.
 */
export function documentSecurityHeaders(): RequestHandler {
  const policy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: directives(["'self'", (_req, res) => `'nonce-${cspNonceOf(res)}'`]),
  });
  return (req, res, next) => {
    res.locals['cspNonce'] = randomBytes(16).toString('base64');
    policy(req, res, next);
  };
}
