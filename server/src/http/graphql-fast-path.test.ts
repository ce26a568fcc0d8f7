import { request as httpRequest } from 'node:http';
import { createHash } from 'node:crypto';
import { createLogger } from '../common/logging/logger.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { captureLog, sample } from '../test-support/log-capture.js';
import { MAX_BODY_BYTES } from './http.errors.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Headers of the connection, not of the answer. */
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

const REGISTERED = 'query Registered { townships(first: 2) { nodes { id } } }';
const REGISTERED_HASH = createHash('sha256').update(REGISTERED).digest('hex');
/** A query padded with blanks to exactly the body limit: still taken by the fast path. */
function atTheLimit(): string {
  const text = JSON.stringify({ query: '{ __typename }' });
  return `${text.slice(0, -1)}${' '.repeat(MAX_BODY_BYTES - Buffer.byteLength(text))}}`;
}

const persisted = (hash: string) =>
  JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

/** Sends a POST with a Content-Length (the fast path), or chunked (which only Express takes). */
function send(url: string, body: string | Buffer, headers: Record<string, string>, chunked: boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: chunked ? headers : { ...headers, 'content-length': String(bytes.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (chunked) {
      // two writes and no length: Node sends it chunked, which only Express takes
      req.write(bytes.subarray(0, 1));
      req.write(bytes.subarray(1));
    } else req.write(bytes);
    req.end();
  });
}

/**
 * POST /graphql has two paths: the fast path (graphql-fast-path.ts) for a plain JSON body with a
 * Content-Length, Express for the rest. The same request sent both ways (a chunked body goes to Express)
 * must get the same answer: status, headers and body, refusals included.
 */
describe('the GraphQL fast path answers as the Express route does', () => {
  let t: TestServer;
  let base: string;
  const log = captureLog();
  beforeAll(async () => {
    t = await startTestServer({
      logger: createLogger({ destination: log.stream }),
      config: { persistedOperations: new Map([[REGISTERED_HASH, REGISTERED]]) },
    });
    base = t.server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => t.stop());

  const fastPathServed = async () =>
    sample(await (await fetch(`${base}/metrics`)).text(), 'renda_http_graphql_fast_path_requests_total', {}) ?? 0;

  const withoutTransport = (headers: Answer['headers']) =>
    Object.fromEntries(Object.entries(headers).filter(([name]) => !TRANSPORT_HEADERS.has(name)));

  it.each([
    [
      'a query with variables',
      'query',
      JSON.stringify({
        query: 'query Two($n: Int!) { townships(first: $n) { totalCount nodes { id name } } }',
        variables: { n: 2 },
      }),
    ],
    ['a document that does not validate', 'query', JSON.stringify({ query: '{ nope }' })],
    ['a body that is not JSON', 'query', '{"query": '],
    ['JSON that is not an object', 'query', '"{ townships(first: 1) { totalCount } }"'],
    ['a registered operation by its hash', 'query', persisted(REGISTERED_HASH)],
    ['an unknown hash', 'query', persisted('0'.repeat(64))],
    ['a malformed hash', 'query', persisted('not a hash')],
    [
      'a bearer token that does not verify',
      'bad token',
      JSON.stringify({ query: '{ townships(first: 1) { totalCount } }' }),
    ],
    [
      'no token for a query that needs one',
      'anonymous',
      JSON.stringify({ query: '{ townships(first: 1) { totalCount } }' }),
    ],
    [
      'a NUL and a lone surrogate in a variable',
      'query',
      JSON.stringify({
        query: 'query One($id: ID!) { township(id: $id) { name } }',
        variables: { id: 'a\u0000b\ud800' },
      }),
    ],
    [
      'bytes that are not UTF-8',
      'query',
      Buffer.concat([
        Buffer.from('{"query":"{ __typename }","note":"'),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('"}'),
      ]),
    ],
    ['a byte order mark before the JSON', 'query', `\ufeff${JSON.stringify({ query: '{ __typename }' })}`],
    ['a body of exactly the size limit', 'query', atTheLimit()],
  ])('%s', async (_name, who, body) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-request-id': `parity-${Date.now()}`,
    };
    if (who === 'query') headers['authorization'] = `Bearer ${await t.token('demo.staff')}`;
    if (who === 'bad token') headers['authorization'] = 'Bearer not.a.token';
    const before = await fastPathServed();
    const fast = await send(t.server.url, body, headers, false);
    const afterFast = await fastPathServed();
    const viaExpress = await send(t.server.url, body, headers, true);
    expect(afterFast - before).toBe(1);
    expect(await fastPathServed()).toBe(afterFast);
    expect(fast.status).toBe(viaExpress.status);
    expect(fast.body).toBe(viaExpress.body);
    expect(withoutTransport(fast.headers)).toEqual(withoutTransport(viaExpress.headers));
    // both wrote one access-log line for the request, with its id
    const lines = log.lines.filter((l) => l['message'] === 'request' && l['requestId'] === headers['x-request-id']);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ method: 'POST', path: '/graphql', status: fast.status });
    expect(lines[1]).toMatchObject({ method: 'POST', path: '/graphql', status: fast.status });
    expect(lines[0]!['operation']).toBe(lines[1]!['operation']);
  });

  it('leaves to Express what it does not take: another charset, a compressed body, a query string', async () => {
    const body = JSON.stringify({ query: '{ townships(first: 1) { totalCount } }' });
    const authorization = `Bearer ${await t.token('demo.staff')}`;
    const before = await fastPathServed();
    const latin1 = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=latin1', authorization },
      body,
    });
    const withQuery = await fetch(`${t.server.url}?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body,
    });
    expect(latin1.status).toBe(415);
    expect(withQuery.status).toBe(200);
    expect(await fastPathServed()).toBe(before);
  });
});

describe('the GraphQL fast path behind trusted proxies', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      config: { trustedProxies: ['127.0.0.1'], rateLimit: { perUser: 0, perAddress: 3, windowSeconds: 60 } },
    });
  });
  afterAll(() => t.stop());

  it('reads the client from X-Forwarded-For as Express does, and counts it against the same limit', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const from = (address: string | null) => ({
      'content-type': 'application/json',
      ...(address ? { 'x-forwarded-for': address } : {}),
    });
    const statuses = async (address: string | null, chunked: boolean, times: number) => {
      const seen: number[] = [];
      for (let i = 0; i < times; i++) seen.push((await send(t.server.url, body, from(address), chunked)).status);
      return seen;
    };
    // three from one client through the fast path, the fourth through Express: the same counter
    expect(await statuses('203.0.113.7', false, 3)).toEqual([200, 200, 200]);
    expect(await statuses('203.0.113.7', true, 1)).toEqual([429]);
    // and the other way round for a second client
    expect(await statuses('203.0.113.8', true, 3)).toEqual([200, 200, 200]);
    expect(await statuses('203.0.113.8', false, 1)).toEqual([429]);
    // another client, and the proxy itself, are counted apart
    expect(await statuses('203.0.113.9', false, 1)).toEqual([200]);
    expect(await statuses(null, false, 1)).toEqual([200]);
  });
});
