import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from '../common/logging/logger.js';
import { requestScope } from '../common/logging/request-scope.js';
import type { RequestContext } from '../tenancy/request-context.js';
import { resolvePersistedPost } from '../graphql/result-cache/persisted-operations.js';
import { sendHttpError } from './http-error-body.js';
import { MAX_BODY_BYTES } from './http.errors.js';
import { answerRequestError } from './json-error-handler.js';
import { requestIdOf } from './request-id-middleware.js';
import { logWhenFinished } from './access-log-middleware.js';
import { apiSecurityHeaders } from './security-headers.js';
import proxyaddr from 'proxy-addr';
import type { RateLimit } from './rate-limit-middleware.js';
import type { Metrics } from '../observability/metrics.js';

export interface GraphQLFastPathOptions {
  apollo: ApolloServer<RequestContext>;
  /** The request context, as the Express route builds it (createRequestContext over incomingRequest). */
  context: (req: IncomingMessage, clientAddress: string) => Promise<RequestContext>;
  /** The proxies whose `X-Forwarded-For` names the client, as Express's `trust proxy` is given them. */
  trustedProxies: readonly string[];
  rateLimit: RateLimit;
  persistedOperations: ReadonlyMap<string, string>;
  logger: Logger;
  metrics: Metrics;
}

const PATH = '/graphql';

/** body-parser's refusal of a body that is not JSON, as express.json passes it to the error handler. */
const BODY_NOT_JSON = Object.freeze({ type: 'entity.parse.failed', status: 400 });

/** `application/json`, with no parameter or `charset=utf-8` only (what the dashboard and scripts send). */
function isPlainJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...parameters] = contentType.split(';');
  if (type!.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((p) => /^\s*charset\s*=\s*"?utf-8"?\s*$/i.test(p));
}

/** Whether this request is one the fast path answers exactly as the Express route would. */
function takes(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== PATH) return false;
  const length = Number(req.headers['content-length']);
  const encoding = req.headers['content-encoding'];
  return (
    Number.isInteger(length) &&
    length > 0 &&
    length <= MAX_BODY_BYTES &&
    (encoding === undefined || encoding.toLowerCase() === 'identity') &&
    isPlainJson(req.headers['content-type'])
  );
}

/** The body as express.json parses it (strict: an object or an array; a byte order mark is dropped). */
function parseBody(raw: Buffer): { ok: true; body: unknown } | { ok: false } {
  let text = raw.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') return { ok: false };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // an aborted upload: no answer can reach the client
    req.on('error', () => resolve(null));
  });
}

/**
 * POST /graphql without Express: the operations every page sends, at a fixed cost per request about a
 * fifth lower (bench/README.md, "The fixed cost of every request"). It does what the Express route does,
 * with the same code where the two share a step: the request id and its log scope, the access-log line, the
 * security headers, the rate limit (the same counters), express.json's parsing and refusals, persisted
 * operations, Apollo, and a 500 in the JSON error shape when something throws; the client's address comes
 * from the trusted proxies' `X-Forwarded-For` as Express's `req.ip` has it (proxy-addr, Express's own). It
 * takes only the plain case: `application/json` in UTF-8, a Content-Length within the body limit, no
 * content encoding, no query string. Everything else (GET, other types and charsets, compressed or chunked
 * bodies, an oversized body) goes to Express (graphql-fast-path.test.ts compares the two paths' answers).
 *
 * Returns false, having touched nothing, for a request it does not take.
 */
export function graphqlFastPath(
  options: GraphQLFastPathOptions,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const headers = apiSecurityHeaders();
  // What Express's `trust proxy` compiles a list of proxies to (express/lib/utils.js, compileTrust), and
  // how its `req.ip` reads the client's address with it.
  const trust = proxyaddr.compile([...options.trustedProxies]);
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    logWhenFinished(options.logger, req, res, PATH);
    const clientAddress = proxyaddr(req, trust);
    if (await options.rateLimit.refused(req, res, clientAddress)) return;
    const raw = await readBody(req);
    if (raw === null) {
      req.socket.destroy();
      return;
    }
    const parsed = parseBody(raw);
    if (!parsed.ok) {
      // as express.json refuses it: its error's type, answered by the same handler
      answerRequestError(options.logger, BODY_NOT_JSON, req, res, PATH);
      return;
    }
    const refusal = resolvePersistedPost(options.persistedOperations, parsed.body);
    if (refusal) {
      sendHttpError(res, refusal.status, refusal.error);
      return;
    }
    const requestHeaders = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) requestHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: requestHeaders, search: '', body: parsed.body },
      context: () => options.context(req, clientAddress),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return (req, res) => {
    if (!takes(req)) return false;
    options.metrics.countFastPathRequest();
    const requestId = requestIdOf(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    for (const [name, value] of headers) res.setHeader(name, value);
    requestScope.run({ requestId }, () => {
      serve(req, res).catch((error: unknown) => answerRequestError(options.logger, error, req, res, PATH));
    });
    return true;
  };
}
