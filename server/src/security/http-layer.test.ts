import { STATUS_CODES } from 'node:http';
import { connect } from 'node:net';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { spawnServerProcess } from '../test-support/server-process.js';
import { MAX_BODY_BYTES } from '../http/json-error-handler.js';
import { REASON_PATTERN } from '../test-support/expect-refusal.js';
import { MIN_LSN_HEADER } from '../http/request-transaction-plugin.js';

/**
 * One request over a bare socket, bytes exactly as given (fetch refuses to send a NUL or a control
 * character in a header): the whole answer, read until the server closes the connection.
 */
function rawRequest(port: number, header: string, value: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n${header}: ${value}\r\n` +
          'content-length: 2\r\nconnection: close\r\n\r\n{}',
        'latin1',
      );
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.once('error', reject);
  });
}

/** Issue #13, finding 6: parser failures, logs, security headers, /metrics, the general rate limit. */

interface Answer {
  status: number;
  type: string;
  text: string;
  headers: Headers;
}

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
    headers: response.headers,
  };
}

/** A refusal as the dashboard reads it: JSON, coded, both languages, and nothing from the inside. */
function expectCodedJson(answer: Answer, status: number, code: string): Record<string, unknown> {
  expect([answer.status, answer.type]).toEqual([status, expect.stringMatching(/^application\/json/) as string]);
  expect(answer.text).not.toMatch(/<html|<pre|\bat \w|node_modules|\/work\/|\.ts:\d|\.js:\d/i);
  const body = JSON.parse(answer.text) as { errors: { extensions: Record<string, unknown> }[] };
  const extensions = body.errors[0]!.extensions;
  expect(extensions['code']).toBe(code);
  expect(extensions['reason']).toEqual(expect.stringMatching(REASON_PATTERN));
  expect(extensions['messageZh']).toEqual(expect.stringMatching(/\p{Script=Han}/u));
  expect(extensions['messageEn']).toEqual(expect.any(String));
  return extensions;
}

const PARSER_ATTACKS: [string, string, Record<string, string>, string | Buffer, number][] = [
  ['malformed JSON', '/graphql', { 'content-type': 'application/json' }, '{"query": ', 400],
  ['malformed JSON', '/export/csv', { 'content-type': 'application/json' }, '{"query": ', 400],
  [
    'an oversized body',
    '/graphql',
    { 'content-type': 'application/json' },
    JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(MAX_BODY_BYTES) }),
    413,
  ],
  [
    'an oversized body',
    '/export/csv',
    { 'content-type': 'application/json' },
    JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(MAX_BODY_BYTES) }),
    413,
  ],
  ['an unsupported charset', '/graphql', { 'content-type': 'application/json; charset=latin9' }, '{}', 415],
  [
    'a body that is not the gzip it claims',
    '/graphql',
    { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    'plain',
    400,
  ],
  ['a wrong content type', '/export/csv', { 'content-type': 'application/xml' }, '<query/>', 415],
  [
    'a wrong content type',
    '/graphql',
    { 'content-type': 'application/xml', 'apollo-require-preflight': '1' },
    '<q/>',
    400,
  ],
];

describe.each([
  ['development', false],
  ['production', true],
])('finding 6: the HTTP layer in %s mode', (_mode, production) => {
  let t: TestServer;
  let base: string;
  beforeAll(async () => {
    t = await startTestServer({ production });
    base = t.server.url.replace('/graphql', '');
  });
  afterAll(() => t.stop());

  it.each(PARSER_ATTACKS)('answers %s on %s with coded JSON', async (_name, path, headers, body, status) => {
    const answer = await send(`${base}${path}`, { method: 'POST', headers, body });
    const code =
      path === '/graphql' && status === 400 && headers['content-type'] === 'application/xml'
        ? 'BAD_REQUEST'
        : 'BAD_USER_INPUT';
    const extensions = expectCodedJson(answer, status, code);
    if (status === 413) expect(extensions['details']).toEqual({ limit: 'bodySize', max: MAX_BODY_BYTES });
  });

  it('answers an unknown path and a missing asset with coded JSON', async () => {
    expectCodedJson(await send(`${base}/export/nothing`, { method: 'POST' }), 404, 'NOT_FOUND');
    expectCodedJson(await send(`${base}/assets/missing-0000.js`), 404, 'NOT_FOUND');
  });

  it.each(['/', '/graphql', '/assets/missing-0000.js'])('sends the security headers on %s', async (path) => {
    const { headers } = await send(`${base}${path}`);
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('gives every page its own style nonce, in the CSP and in the meta tag the editor reads', async () => {
    const pages = await Promise.all([send(`${base}/county`), send(`${base}/county`)]);
    const nonces = pages.map((page) => {
      const fromHeader = /style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(
        page.headers.get('content-security-policy') ?? '',
      )?.[1];
      const fromPage = /<meta name="csp-nonce" content="([^"]+)"/.exec(page.text)?.[1];
      expect(fromHeader).toBeDefined();
      expect(fromPage).toBe(fromHeader);
      return fromHeader;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it.each([
    ['a statement after the position', '0/16B3748; drop table x'],
    ['a position past 64 bits', `0/${'F'.repeat(9)}`],
    ['a 12 KB value (under the 16 KB header limit)', `0/${'1'.repeat(12_000)}`],
    ['only a separator', '/'],
  ])(`refuses ${MIN_LSN_HEADER} with %s as a coded error, with no data`, async (_name, value) => {
    const token = await t.token('qunli.clerk');
    const answer = await t.post(
      { query: '{ me { login } }' },
      { authorization: `Bearer ${token}`, [MIN_LSN_HEADER]: value },
    );
    expect(answer.json?.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MIN_LSN_INVALID',
      field: [MIN_LSN_HEADER],
    });
    expect(answer.json?.data ?? null).toBeNull();
  });

  it(`stops a NUL, a control character or an oversized ${MIN_LSN_HEADER} at the HTTP parser with coded JSON, and keeps serving`, async () => {
    const port = Number(new URL(base).port);
    const refused = async (value: string, status: number, reason: string) => {
      const answer = await rawRequest(port, MIN_LSN_HEADER, value);
      const [head, body] = answer.split('\r\n\r\n') as [string, string];
      expect(head.split('\r\n')[0]).toBe(`HTTP/1.1 ${status} ${STATUS_CODES[status]}`);
      expectCodedJson(
        { status, type: /content-type: (.*)/i.exec(head)![1]!, text: body, headers: new Headers() },
        status,
        'BAD_USER_INPUT',
      );
      expect(JSON.parse(body).errors[0].extensions.reason).toBe(reason);
    };
    await refused('0/16B3748\u0000', 400, 'MALFORMED_HTTP_REQUEST');
    await refused('0/16B3748\u0007', 400, 'MALFORMED_HTTP_REQUEST');
    await refused(`0/${'1'.repeat(20_000)}`, 431, 'HEADERS_TOO_LARGE');
    const after = await t.graphql<{ me: { login: string } }>('{ me { login } }', {}, { as: 'qunli.clerk' });
    expect(after.data?.me.login).toBe('qunli.clerk');
  });

  it(production ? 'keeps /metrics off the public port' : 'serves /metrics on the public port', async () => {
    const answer = await send(`${base}/metrics`);
    if (production) {
      expectCodedJson(answer, 404, 'NOT_FOUND');
    } else {
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('renda_graphql_operation_duration_seconds');
    }
  });
});

describe('finding 6: /metrics in production lives on RENDA_METRICS_PORT only', () => {
  it('serves the metrics port and not the public one', async () => {
    const t = await startTestServer({ production: true, config: { metricsPort: 0 } });
    try {
      const base = t.server.url.replace('/graphql', '');
      expect((await send(`${base}/metrics`)).status).toBe(404);
      const metrics = await send(`http://127.0.0.1:${t.server.metricsPort}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.text).toContain('renda_process_');
    } finally {
      await t.stop();
    }
  });
});

describe('finding 6: the general rate limit', () => {
  let t: TestServer;
  const PER_USER = 5;
  const PER_ADDRESS = 12;
  beforeAll(async () => {
    t = await startTestServer({
      config: { rateLimit: { perUser: PER_USER, perAddress: PER_ADDRESS, windowSeconds: 60 } },
    });
  });
  afterAll(() => t.stop());

  const query = async (login: string | null) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (login) headers['authorization'] = `Bearer ${await t.token(login)}`;
    return send(t.server.url, { method: 'POST', headers, body: JSON.stringify({ query: '{ __typename }' }) });
  };

  it('refuses a user beyond the limit with 429, Retry-After and RATE_LIMITED, counting concurrent requests exactly', async () => {
    // sign-ins count against the address; fetch the tokens first
    await t.token('qunli.clerk');
    await t.token('simeng.clerk');
    const answers = await Promise.all(Array.from({ length: PER_USER + 4 }, () => query('qunli.clerk')));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(PER_USER);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    const refused = answers.find((a) => a.status === 429)!;
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    const extensions = expectCodedJson(refused, 429, 'RATE_LIMITED');
    expect(extensions['reason']).toBe('TOO_MANY_REQUESTS');
    expect(extensions['details']).toMatchObject({ limit: 'user', max: PER_USER, windowSeconds: 60 });
    // another user behind the same address is still served
    expect((await query('simeng.clerk')).status).toBe(200);
  });

  it('limits one address whatever the callers, but never the probes', async () => {
    const answers = [];
    for (let i = 0; i < PER_ADDRESS; i += 1) answers.push(await query(null));
    expect(answers.at(-1)!.status).toBe(429);
    expectCodedJson(answers.at(-1)!, 429, 'RATE_LIMITED');
    const base = t.server.url.replace('/graphql', '');
    expect((await send(`${base}/livez`)).status).toBe(200);
    expect((await send(`${base}/readyz`)).status).toBe(200);
  });
});

describe('finding 6: every log line is JSON (real process)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('logs parser failures as JSON lines, never a stack as plain text', async () => {
    const server = await spawnServerProcess(db, { NODE_ENV: 'development' });
    try {
      for (const [, path, headers, body] of PARSER_ATTACKS)
        await send(`${server.base}${path}`, { method: 'POST', headers, body });
    } finally {
      await server.stop();
    }
    expect(server.unparsed).toEqual([]);
    expect(server.log.filter((line) => line['message'] === 'request body refused').length).toBeGreaterThanOrEqual(5);
    expect(server.log.every((line) => typeof line['level'] === 'string' && typeof line['time'] === 'string')).toBe(
      true,
    );
  });
});
