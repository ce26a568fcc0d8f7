import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { startTestServer, type TestServer, type RawResponse } from '../../test-support/test-server.js';
import { MAX_BODY_BYTES } from '../../http/json-error-handler.js';

const REGISTERED = `query RegisteredTownships { townships(first: 10) { nodes { id name } } }`;
const REGISTERED_HASH = createHash('sha256').update(REGISTERED).digest('hex');
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

/** A GET over a bare socket, the request line's bytes exactly as given: the whole answer. */
function rawGet(port: number, target: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nauthorization: Bearer ${token}\r\n` +
          'apollo-require-preflight: true\r\nconnection: close\r\n\r\n',
        'latin1',
      );
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
      if (Number.isNaN(status)) reject(new Error(`no HTTP answer: ${text.slice(0, 200)}`));
      else resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    };
    socket.once('end', done);
    // the server answers before it has read a huge request line, then closes: the answer is what counts
    socket.once('error', () => (chunks.length > 0 ? done() : reject(new Error('connection failed'))));
  });
}

const extensionsWith = (hash: unknown) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });

/** A coded refusal: a 4xx status, a JSON body with a code and a reason, and no data. */
function expectCodedRefusal(answer: RawResponse, status: number, reason?: string): void {
  expect(answer.status).toBe(status);
  expect(answer.json).not.toBeNull();
  expect(answer.json?.data ?? null).toBeNull();
  const extensions = answer.json?.errors?.[0]?.extensions;
  expect(typeof extensions?.['code']).toBe('string');
  if (reason) expect(extensions).toMatchObject({ reason });
}

describe('the persisted-operation hash of a GET, attacked (#19 part 4)', () => {
  let t: TestServer;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startTestServer({ config: { persistedOperations: new Map([[REGISTERED_HASH, REGISTERED]]) } });
    auth = { authorization: `Bearer ${await t.token('demo.staff')}`, ...PREFLIGHT };
  });
  afterAll(() => t.stop());

  const byHash = () =>
    t.get({ operationName: 'RegisteredTownships', extensions: extensionsWith(REGISTERED_HASH) }, auth);

  it.each([
    ['NUL bytes', '\u0000'.repeat(64)],
    ['a NUL after 63 hex digits', `${'a'.repeat(63)}\u0000`],
    ['non-hex letters', 'g'.repeat(64)],
    ['upper-case hex (hashes are sent lower-case)', REGISTERED_HASH.toUpperCase()],
    ['Chinese text', '哈'.repeat(64)],
    ['an emoji and a lone surrogate', `${'😀'.repeat(31)}\ud800`],
    ['the registered hash and one character more', `${REGISTERED_HASH}0`],
    ['a number', 12],
    ['null', null],
    ['an object', { sha256Hash: REGISTERED_HASH }],
    ['an array', [REGISTERED_HASH]],
  ])('refuses %s with PERSISTED_QUERY_INVALID', async (_name, hash) => {
    expectCodedRefusal(await t.get({ extensions: extensionsWith(hash) }, auth), 400, 'PERSISTED_QUERY_INVALID');
  });

  it('refuses a 1 MB hash: by GET at the HTTP parser (431, coded), by POST at the body limit (413)', async () => {
    const port = Number(new URL(t.server.url).port);
    const huge = 'a'.repeat(1024 * 1024);
    const get = await rawGet(
      port,
      `/graphql?extensions=${encodeURIComponent(extensionsWith(huge))}`,
      await t.token('demo.staff'),
    );
    expect(get.status).toBe(431);
    expect(JSON.parse(get.body)).toMatchObject({ errors: [{ extensions: { reason: 'HEADERS_TOO_LARGE' } }] });
    // by POST: over the body limit the body parser refuses it (413); just under it, an invalid reference
    expectCodedRefusal(await t.post({ extensions: JSON.parse(extensionsWith(huge)) as unknown }, auth), 413);
    const under = 'a'.repeat(MAX_BODY_BYTES - 200);
    expectCodedRefusal(
      await t.post({ extensions: JSON.parse(extensionsWith(under)) as unknown }, auth),
      400,
      'PERSISTED_QUERY_INVALID',
    );
  });

  it('answers a NUL in the extensions parameter itself, or extensions that are not JSON, with a coded 400', async () => {
    for (const extensions of ['\u0000', `{"persistedQuery":\u0000}`, '{"persistedQuery":', '"a string"', '[1]']) {
      const answer = await t.get({ extensions }, auth);
      expect(answer.status).toBe(400);
      expect(answer.json).not.toBeNull();
      expect(answer.json?.data ?? null).toBeNull();
      expect(typeof answer.json?.errors?.[0]?.extensions?.['code']).toBe('string');
    }
  });

  it('refuses an unencoded NUL in the request line at the parser with coded JSON', async () => {
    const port = Number(new URL(t.server.url).port);
    const answer = await rawGet(port, `/graphql?extensions=${'\u0000'}`, await t.token('demo.staff'));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ extensions: { reason: 'MALFORMED_HTTP_REQUEST' } }] });
  });

  it('serves the registered operation by its hash after every attack, and the same URL again from memory', async () => {
    const first = await byHash();
    expect(first.status).toBe(200);
    expect(first.json).toEqual(await t.graphql(REGISTERED));
    // the second time the URL's resolution is remembered: the same answer
    expect((await byHash()).json).toEqual(first.json);
    // a remembered refusal stays a refusal
    for (let i = 0; i < 2; i++) {
      const unknown = await t.get({ extensions: extensionsWith('0'.repeat(64)) }, auth);
      expectCodedRefusal(unknown, 404, 'PERSISTED_QUERY_NOT_FOUND');
    }
  });
});
