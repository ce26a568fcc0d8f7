import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findRepoRoot } from '../config/app-config.js';
import { TEST_DELAY_HEADER } from '../http/test-delay-plugin.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import {
  login,
  median,
  post,
  READ_DEPUTIES,
  RECORD_ACTIVITY,
  servingAgain,
  startWriters,
  watchReadiness,
  type Outcome,
  type Writer,
} from './fault-client.js';
import { FAULT_LIMITS, startFaultEnvironment, type FaultEnvironment, type FaultMode } from './fault-environment.js';

/** Written to artifacts/fault-figures.json once both modes ran (gitignored; CI prints it). */
const figures: Record<string, Record<string, unknown>> = {};

/** Activities titled `<tag>-…` and how many participants each has, read as the superuser. */
async function writtenActivities(url: string, tag: string): Promise<Map<string, number>> {
  return withDatabaseClient(url, async (client) => {
    const { rows } = await client.query<{ id: string; participants: number }>(
      `select a.id, (select count(*)::int from activity_participant p where p.activity_id = a.id) as participants
         from activity a where a.title like $1`,
      [`${tag}-%`],
    );
    return new Map(rows.map((r) => [r.id, r.participants]));
  });
}

/** Every acknowledged write is there, and nothing is half-written (each activity has both participants). */
function checkWrites(outcomes: Outcome[], found: Map<string, number>) {
  const acknowledged = outcomes.filter((o) => o.id).map((o) => o.id!);
  expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
  expect([...found.values()].filter((n) => n !== 2)).toEqual([]);
  return { acknowledged: acknowledged.length, found: found.size };
}

/** Failures must be coded answers a client can act on: no silence, no INTERNAL_SERVER_ERROR. */
function failureCodes(outcomes: Outcome[]): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const o of outcomes) {
    if (o.id) continue;
    const key = o.code ?? `no answer: ${o.networkError}`;
    codes[key] = (codes[key] ?? 0) + 1;
  }
  return codes;
}

const MODES: FaultMode[] = ['embedded', 'DATABASE_URL'];

describe.each(MODES)('faults under load, %s PostgreSQL, against the real server process', (mode) => {
  let env: FaultEnvironment;
  let qunli: Writer;
  let simeng: Writer;
  let simengViewer: string;
  const found: Record<string, unknown> = {};

  beforeAll(async () => {
    env = await startFaultEnvironment(mode);
    const deputies = await withDatabaseClient(env.superuserUrl, async (client) => {
      const pick = async (code: string) =>
        (
          await client.query<{ id: string }>(
            `select d.id from deputy d join township t on t.id = d.township_id
              where t.code = $1 and d.status = 'ACTIVE' order by d.id limit 2`,
            [code],
          )
        ).rows.map((r) => r.id) as [string, string];
      return { qunli: await pick('QUNLI'), simeng: await pick('SIMENG') };
    });
    qunli = { token: await login(env.base, 'qunli.clerk'), deputies: deputies.qunli };
    simeng = { token: await login(env.base, 'simeng.clerk'), deputies: deputies.simeng };
    simengViewer = await login(env.base, 'simeng.viewer');
    figures[mode] = found;
  });

  afterAll(async () => {
    await env?.destroy();
    const dir = join(findRepoRoot(), 'artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'fault-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    // The server's JSON log (PostgreSQL's lines included), for reading a failure after CI.
    if (env)
      writeFileSync(join(dir, `fault-server-${mode}.log`), env.server.log.map((l) => JSON.stringify(l)).join('\n'));
  });

  it('kill -9 of PostgreSQL under writes: coded UNAVAILABLE, /readyz fails then recovers, every acknowledged write kept', async () => {
    const tag = `kill-${mode}-${Date.now()}`;
    const readiness = watchReadiness(env.base);
    const load = startWriters(env.base, [qunli, qunli, simeng, simeng], tag);
    await sleep(1500);
    const killedAt = Date.now();
    await env.killPostgres();
    const servedAt = await servingAgain(load.outcomes, killedAt);
    await sleep(1000);
    const outcomes = await load.stop();
    const seen = await readiness.stop();

    expect(env.server.child.exitCode).toBeNull();
    const codes = failureCodes(outcomes);
    expect(Object.keys(codes).filter((code) => code !== 'UNAVAILABLE' && code !== 'TIMEOUT')).toEqual([]);
    const failed = outcomes.filter((o) => !o.id);
    expect(failed.filter((o) => o.status !== 503 || !o.retryAfter)).toEqual([]);
    expect(seen.some((s) => s.at > killedAt && s.status === 503)).toBe(true);
    expect(seen.at(-1)?.status).toBe(200);
    const writes = checkWrites(outcomes, await writtenActivities(env.superuserUrl, tag));
    found['killPostgres'] = {
      ...writes,
      failedWithCode: codes,
      timeToServeAgainMs: servedAt - killedAt,
      readyzNotReadyMs: seen.filter((s) => s.at > killedAt && s.status !== 200).length * 100,
    };
    if (mode === 'embedded')
      expect(env.server.log.some((l) => l['message'] === 'embedded PostgreSQL restarted')).toBe(true);
  });

  it('a clean PostgreSQL restart under writes: every request answered within the timeout', async () => {
    const tag = `restart-${mode}-${Date.now()}`;
    const load = startWriters(env.base, [qunli, simeng], tag);
    await sleep(1000);
    const restartedAt = Date.now();
    await env.restartPostgres();
    const servedAt = await servingAgain(load.outcomes, restartedAt);
    await sleep(500);
    const outcomes = await load.stop();

    const codes = failureCodes(outcomes);
    expect(Object.keys(codes).filter((code) => code !== 'UNAVAILABLE' && code !== 'TIMEOUT')).toEqual([]);
    const longest = Math.max(...outcomes.map((o) => o.endedAt - o.startedAt));
    // connectionTimeoutMillis (5 s) bounds a request waiting for a connection; nothing may hang beyond it.
    expect(longest).toBeLessThan(10_000);
    const writes = checkWrites(outcomes, await writtenActivities(env.superuserUrl, tag));
    found['cleanRestart'] = {
      ...writes,
      failedWithCode: codes,
      longestRequestMs: longest,
      timeToServeAgainMs: servedAt - restartedAt,
    };
  });

  it("a lock held elsewhere: one township's writes get TIMEOUT and free their connections, another's reads go on", async () => {
    const tag = `lock-${mode}-${Date.now()}`;
    const lockedDeputy = qunli.deputies[0];
    const result = await withDatabaseClient(env.superuserUrl, async (holder) => {
      await holder.query('begin');
      await holder.query('select id from deputy where id = $1 for update', [lockedDeputy]);
      const lockedAt = Date.now();
      // Ten writes of one township, all needing the locked row (their participant's foreign key check).
      const writes = Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          post(env.base, qunli.token, RECORD_ACTIVITY, {
            input: {
              type: 'INSPECTION',
              occurredOn: '2025-03-10',
              title: `${tag}-${i}`,
              participants: qunli.deputies.map((deputyId) => ({ deputyId })),
            },
          }),
        ),
      );
      let writesDone = false;
      void writes.then(() => (writesDone = true));
      // Meanwhile another township reads, one request after the other.
      const reads: Outcome[] = [];
      await sleep(200);
      while (!writesDone) {
        const { body, ...read } = await post(env.base, simengViewer, READ_DEPUTIES);
        reads.push({ ...read, ...(body?.data ? { id: 'read' } : {}) });
      }
      const answered = await writes;
      await holder.query('rollback');
      return { answered, reads, lockedForMs: Date.now() - lockedAt };
    });

    expect(result.answered.map((a) => [a.status, a.code, a.retryAfter])).toEqual(
      Array.from({ length: 10 }, () => [503, 'TIMEOUT', '1']),
    );
    expect(result.reads.length).toBeGreaterThanOrEqual(3);
    expect(result.reads.filter((r) => r.code || r.networkError)).toEqual([]);
    // The timed-out transactions were rolled back and their connections returned: none waits or idles in one.
    const stuck = await withDatabaseClient(env.superuserUrl, async (client) =>
      Number(
        (
          await client.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity
              where usename = 'renda_app' and (state like 'idle in transaction%' or wait_event_type = 'Lock')`,
          )
        ).rows[0]?.n,
      ),
    );
    expect(stuck).toBe(0);
    const after = await post(env.base, qunli.token, RECORD_ACTIVITY, {
      input: { type: 'INSPECTION', occurredOn: '2025-03-10', title: `${tag}-after`, participants: [] },
    });
    expect(after.id).toBeDefined();
    const latencies = result.reads.map((r) => r.endedAt - r.startedAt);
    found['lockHeld'] = {
      writesAnswered: result.answered.length,
      writesTimedOut: result.answered.filter((a) => a.code === 'TIMEOUT').length,
      slowestWriteAnswerMs: Math.max(...result.answered.map((a) => a.endedAt - a.startedAt)),
      otherTownshipReads: result.reads.length,
      otherTownshipReadMedianMs: median(latencies),
      otherTownshipReadMaxMs: Math.max(...latencies),
      lockTimeoutMs: FAULT_LIMITS.lockTimeoutMs,
    };
  });

  it('SIGTERM under steady load: no request in flight fails, PostgreSQL stops after the drain, exit 0', async () => {
    const tag = `sigterm-${mode}-${Date.now()}`;
    const load = startWriters(env.base, [qunli, qunli, simeng, simeng], tag);
    await sleep(1000);
    // Slow writes holding their transaction open (test hook) when the signal arrives.
    const slow = [0, 1, 2].map((i) =>
      post(
        env.base,
        i === 1 ? simeng.token : qunli.token,
        RECORD_ACTIVITY,
        {
          input: {
            type: 'INSPECTION',
            occurredOn: '2025-03-10',
            title: `${tag}-slow-${i}`,
            participants: (i === 1 ? simeng : qunli).deputies.map((deputyId) => ({ deputyId })),
          },
        },
        { [TEST_DELAY_HEADER]: '1500' },
      ),
    );
    await sleep(200);
    const postmaster = env.postmasterPid();
    const signalledAt = Date.now();
    env.server.child.kill('SIGTERM');
    // A load balancer stops sending once /readyz fails; the shutdown delay (1 s) covers that moment.
    await sleep(FAULT_LIMITS.shutdownDelayMs / 3);
    const outcomes = [...(await load.stop()), ...(await Promise.all(slow)).map(({ body: _b, ...o }) => o)];
    const exitCode = await env.server.exited;
    const exitedAfterMs = Date.now() - signalledAt;

    const inFlight = outcomes.filter((o) => o.startedAt <= signalledAt && o.endedAt >= signalledAt);
    expect(exitCode).toBe(0);
    expect(outcomes.filter((o) => !o.id)).toEqual([]);
    expect(inFlight.length).toBeGreaterThanOrEqual(3);
    const messages = env.server.log.map((l) => l['message']);
    const poolClosed = messages.indexOf('database connections closed');
    expect(poolClosed).toBeGreaterThan(messages.indexOf('shutting down'));
    if (mode === 'embedded') {
      // The server stopped its PostgreSQL itself, after the pool closed.
      expect(messages.lastIndexOf('database system is shut down')).toBeGreaterThan(poolClosed);
      expect(() => process.kill(postmaster, 0)).toThrow();
    }
    const reopened = await env.reopenAfterExit();
    try {
      const writes = checkWrites(outcomes, await writtenActivities(reopened.url, tag));
      found['sigterm'] = {
        ...writes,
        inFlightAtSignal: inFlight.length,
        failedInFlight: inFlight.filter((o) => !o.id).length,
        exitCode,
        exitedAfterMs,
      };
    } finally {
      await reopened.close();
    }
  });
});
