import { DriverException } from '@mikro-orm/core';
import { mapAvailabilityError } from '../common/errors/map-availability-error.js';
import { TEST_DELAY_HEADER } from '../http/test-delay-plugin.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const READ = 'query { deputies(first: 1) { totalCount } }';

describe('timeouts and the per-township bulkhead of the application role', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({
      config: {
        statementTimeoutMs: 300,
        lockTimeoutMs: 200,
        idleInTransactionTimeoutMs: 2000,
        tenantMaxConnections: 1,
        tenantQueueTimeoutMs: 300,
        testHooks: true,
      },
    });
    // Signed in up front: a login (argon2) inside a timed sequence would take the time the test measures.
    for (const login of ['qunli.viewer', 'qunli.clerk', 'simeng.viewer']) await t.token(login);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const send = async (login: string, headers: Record<string, string> = {}) => {
    const response = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token(login)}`, ...headers },
      body: JSON.stringify({ query: READ }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions: Record<string, unknown> }[] };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  };

  it('sets statement, lock and idle-in-transaction timeouts on every application connection', async () => {
    const rows = await t.server.orm.em
      .fork()
      .execute<{ statement: string; lock: string; idle: string }[]>(
        `select current_setting('statement_timeout') as statement, current_setting('lock_timeout') as lock, current_setting('idle_in_transaction_session_timeout') as idle`,
      );
    expect(rows[0]).toEqual({ statement: '300ms', lock: '200ms', idle: '2s' });
  });

  it('a statement past statement_timeout is cancelled by PostgreSQL and maps to TIMEOUT', async () => {
    const error = await t.server.orm.em
      .fork()
      .execute('select pg_sleep(5)')
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(DriverException);
    expect((error as DriverException).code).toBe('57014');
    const mapped = mapAvailabilityError(error);
    expect([mapped?.code, mapped?.details]).toEqual(['TIMEOUT', { reason: 'STATEMENT_TIMEOUT' }]);
    // The connection is usable again at once.
    expect(await t.server.orm.em.fork().execute('select 1 as ok')).toEqual([{ ok: 1 }]);
  });

  it('a transaction left idle past the limit is ended by PostgreSQL; the caller gets a coded 503, not silence', async () => {
    const answer = await send('qunli.viewer', { [TEST_DELAY_HEADER]: '3500' });
    expect(answer.status).toBe(503);
    expect(['TIMEOUT', 'UNAVAILABLE']).toContain(answer.body.errors?.[0]?.extensions['code']);
    expect(answer.retryAfter).not.toBeNull();
    expect((await send('qunli.viewer')).body.errors).toBeUndefined();
  });

  it('one township over its share waits, then gets TIMEOUT (TENANT_BUSY); another township is served meanwhile', async () => {
    const holding = send('qunli.viewer', { [TEST_DELAY_HEADER]: '1200' });
    // Give the first request time to take the township's only permit.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const [waiting, other] = await Promise.all([send('qunli.clerk'), send('simeng.viewer')]);
    expect([waiting.status, waiting.retryAfter, waiting.body.errors?.[0]?.extensions]).toEqual([
      503,
      '1',
      expect.objectContaining({ code: 'TIMEOUT', details: { reason: 'TENANT_BUSY' } }),
    ]);
    expect(other.body.errors).toBeUndefined();
    expect((await holding).body.errors).toBeUndefined();
  });
});
