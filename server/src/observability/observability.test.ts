import { createLogger } from '../common/logging/logger.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { captureLog, sample } from '../test-support/log-capture.js';

describe('health, metrics and request logs on the real server', () => {
  let t: TestServer;
  let base: string;
  const log = captureLog();

  beforeAll(async () => {
    t = await startTestServer({ logger: createLogger({ destination: log.stream }) });
    base = t.server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers /livez without the database and /readyz after checking it', async () => {
    const live = await fetch(`${base}/livez`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    expect(ready.headers.get('cache-control')).toBe('no-store');
  });

  it('exports GraphQL durations by operation, errors by code and the pool’s use', async () => {
    const ok = await t.graphql('query TownshipCount { townships(first: 1) { totalCount } }');
    expect(ok.errors).toBeUndefined();
    const refused = await t.graphql('query Anonymous { townships(first: 1) { totalCount } }', {}, { as: null });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const invalid = await t.graphql('query Broken { noSuchField }');
    expect(invalid.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');

    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(
      sample(text, 'renda_graphql_operation_duration_seconds_count', { operation: 'TownshipCount', type: 'query' }),
    ).toBe(1);
    expect(sample(text, 'renda_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'renda_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(text, 'renda_db_pool_max_connections', { pool: 'primary' })).toBe(10);
    expect(sample(text, 'renda_db_pool_connections', { pool: 'primary', state: 'idle' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'renda_db_pool_waiting_requests', { pool: 'primary' })).toBe(0);
    expect(sample(text, 'renda_db_transactions_total', { target: 'primary' })).toBeGreaterThanOrEqual(1);
    expect(text).toContain('renda_process_resident_memory_bytes');
  });

  it('keeps client-chosen operation names from growing the label set without end', async () => {
    await t.graphql('query { townships(first: 1) { totalCount } }');
    await t.post({ query: '{ townships(first: 1) { totalCount } }', operationName: 'not a name' });
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(sample(text, 'renda_graphql_operation_duration_seconds_count', { operation: 'anonymous' })).toBeGreaterThan(
      0,
    );
    expect(text).not.toContain('not a name');
  });

  it('logs one JSON line per request carrying the request id, which the response echoes', async () => {
    const requestId = 'trace-0123456789abcdef';
    const response = await fetch(t.server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': requestId,
        authorization: `Bearer ${await t.token('demo.staff')}`,
      },
      body: JSON.stringify({ query: 'query NamedForTheLog { townships(first: 1) { totalCount } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    await response.json();
    const line = log.lines.find((l) => l['requestId'] === requestId);
    expect(line).toMatchObject({
      level: 'info',
      message: 'request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'NamedForTheLog',
    });
    expect(typeof line?.['time']).toBe('string');
    expect(typeof line?.['durationMs']).toBe('number');
    // A made-up id that does not look like one is replaced, not logged.
    const generated = await fetch(`${base}/livez`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('fails readiness as soon as shutdown begins, while liveness stays up', async () => {
    t.server.readiness.startShutdown();
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'not ready', reason: 'shutting down' }]);
    expect((await fetch(`${base}/livez`)).status).toBe(200);
  });
});

describe('a separate metrics port', () => {
  it('serves /metrics there and not on the public port', async () => {
    const t = await startTestServer({ config: { metricsPort: 0 } });
    try {
      const base = t.server.url.replace(/\/graphql$/, '');
      // Whatever the public port answers there (404, or the dashboard's page), it is not the metrics.
      expect(await (await fetch(`${base}/metrics`)).text()).not.toContain('renda_db_pool');
      const port = t.server.metricsPort;
      expect(port).not.toBeNull();
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('renda_db_pool_max_connections');
    } finally {
      await t.stop();
    }
  });
});
