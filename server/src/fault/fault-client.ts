import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD } from '../seed/seed-demo-users.js';

/** One request the fault tests sent, and how it ended. */
export interface Outcome {
  startedAt: number;
  endedAt: number;
  status: number;
  /** The first error's code, when the answer carried errors. */
  code?: string;
  /** And its reason (`extensions.reason`, e.g. DATABASE_NODE_UNAVAILABLE). */
  reason?: string;
  retryAfter?: string | null;
  /** No HTTP answer at all (connection refused or reset, or no answer within 30 s). */
  networkError?: string;
  /** The id of the written row, when the API acknowledged a write. */
  id?: string;
}

export const RECORD_ACTIVITY = `mutation Record($input: RecordActivityInput!) {
  recordActivity(input: $input) { id participants { deputyId } }
}`;
export const READ_DEPUTIES = 'query Read { deputies(first: 20) { totalCount nodes { id name } } }';

interface GraphQLBody {
  data?: Record<string, { id?: string } | null> | null;
  errors?: { extensions?: { code?: string; reason?: string } }[];
}

/** One GraphQL POST; never throws: a missing answer is an outcome too. */
export async function post(
  base: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Outcome & { body?: GraphQLBody }> {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as GraphQLBody;
    const code = body.errors?.[0]?.extensions?.code;
    const reason = body.errors?.[0]?.extensions?.reason;
    const first = body.data ? Object.values(body.data)[0] : null;
    return {
      startedAt,
      endedAt: Date.now(),
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body,
      ...(code ? { code } : {}),
      ...(reason ? { reason } : {}),
      ...(!code && first?.id ? { id: first.id } : {}),
    };
  } catch (error) {
    return {
      startedAt,
      endedAt: Date.now(),
      status: 0,
      networkError: error instanceof Error ? error.message : String(error),
    };
  }
}

export async function login(base: string, name: string): Promise<string> {
  const answer = await post(base, null, 'mutation ($input: LoginInput!) { login(input: $input) { token } }', {
    input: { login: name, password: DEMO_PASSWORD },
  });
  const token = (answer.body?.data?.['login'] as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`login ${name} failed: ${JSON.stringify(answer)}`);
  return token;
}

export interface Writer {
  token: string;
  deputies: [string, string];
}

/**
 * Clerks recording activities (two participants each, so a half-written one would show) as fast as
 * the server answers, until `stop()`; bounded to `maxPerWriter` requests each.
 */
export function startWriters(base: string, writers: Writer[], tag: string, maxPerWriter = 1500) {
  let stopped = false;
  const outcomes: Outcome[] = [];
  let sequence = 0;
  const loops = writers.map(async (writer) => {
    for (let i = 0; i < maxPerWriter && !stopped; i += 1) {
      const title = `${tag}-${(sequence += 1)}`;
      const { body: _body, ...outcome } = await post(base, writer.token, RECORD_ACTIVITY, {
        input: {
          type: 'INSPECTION',
          occurredOn: '2025-03-10',
          title,
          participants: writer.deputies.map((deputyId) => ({ deputyId })),
        },
      });
      outcomes.push(outcome);
      // A failing server answers at once; pause so an outage is not a busy loop.
      if (!outcome.id) await sleep(50);
    }
  });
  return {
    outcomes,
    async stop(): Promise<Outcome[]> {
      stopped = true;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

/** Polls /readyz every 100 ms until stopped; keeps every status with its time. */
export function watchReadiness(base: string) {
  let stopped = false;
  const seen: { at: number; status: number }[] = [];
  const loop = (async () => {
    while (!stopped) {
      const at = Date.now();
      const status = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.status,
        () => 0,
      );
      seen.push({ at, status });
      await sleep(100);
    }
  })();
  return {
    seen,
    async stop() {
      stopped = true;
      await loop;
      return seen;
    },
  };
}

/** Resolves with the time the first acknowledged write started after `since`, polling `outcomes`. */
export async function servingAgain(outcomes: Outcome[], since: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = outcomes.find((o) => o.id && o.startedAt > since);
    if (ok) return ok.endedAt;
    if (Date.now() > deadline) throw new Error(`no write acknowledged within ${timeoutMs} ms after the fault`);
    await sleep(50);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
}
