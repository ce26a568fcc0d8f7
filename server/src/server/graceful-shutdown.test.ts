import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { freePort } from '../common/net/free-port.js';
import { TEST_JWT_SECRET } from '../test-support/test-server.js';
import { DEMO_PASSWORD } from '../seed/seed-demo-users.js';
import { TEST_DELAY_HEADER } from '../http/test-delay-plugin.js';
import { spawnServer, type ServerProcess } from '../test-support/spawn-server.js';

describe('graceful shutdown of the real server process', () => {
  let db: TestDatabase;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await db.drop();
  });

  it('on SIGTERM fails readiness at once, lets a slow request finish, then closes the pool and exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await spawnServer({
      PORT: String(port),
      DATABASE_URL: db.appUrl,
      MIGRATION_DATABASE_URL: db.ownerUrl,
      RENDA_SEED: 'false',
      RENDA_JWT_SECRET: TEST_JWT_SECRET,
      RENDA_TEST_HOOKS: 'true',
      RENDA_SHUTDOWN_DELAY_MS: '1000',
    });
    const login = (await (
      await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($input: LoginInput!) { login(input: $input) { token } }',
          variables: { input: { login: 'demo.staff', password: DEMO_PASSWORD } },
        }),
      })
    ).json()) as { data: { login: { token: string } } };
    const token = login.data.login.token;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // A query held open for 2.5 s inside its transaction (test hook), then SIGTERM while it runs.
    const startedAt = Date.now();
    const slow = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [TEST_DELAY_HEADER]: '2500' },
      body: JSON.stringify({ query: 'query Slow { townships(first: 10) { totalCount } }' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));

    // During the shutdown delay: not ready (so no new traffic is routed here), still alive.
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'not ready', reason: 'shutting down' }]);
    expect((await fetch(`${base}/livez`)).status).toBe(200);

    const response = await slow;
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: { townships: { totalCount: number } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.townships.totalCount).toBeGreaterThan(0);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(2500);

    expect(await server.exited).toBe(0);
    const messages = server.log.map((l) => l['message']);
    // In order: the signal, the slow request's access-log line, the pool closed, the process stopped.
    const slowLine = server.log.findIndex((l) => l['message'] === 'request' && l['operation'] === 'Slow');
    expect(slowLine).toBeGreaterThan(messages.indexOf('shutting down'));
    expect(messages.indexOf('database connections closed')).toBeGreaterThan(slowLine);
    expect(messages.indexOf('stopped')).toBeGreaterThan(messages.indexOf('database connections closed'));
    await expect(fetch(`${base}/livez`)).rejects.toThrow();
  });
});
