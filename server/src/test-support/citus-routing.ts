import type pg from 'pg';
import { isSessionSetup, type RecordedStatement } from '../database/statement-counter.js';
import { executedSessionStatement } from '../common/sql/session-statements.js';
import type { TestServer } from './test-server.js';
import { withDatabaseClient } from './test-cluster.js';

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release|start transaction|set )/i;

/** What Citus's EXPLAIN says about one statement a request sent. */
export interface StatementRoute {
  sql: string;
  /** Every `Task Count` of the plan (one per distributed scan or subplan); none for a coordinator-local one. */
  taskCounts: number[];
  /** The shard groups of the distributed tables' shards the plan names (reference tables' shards apart). */
  shardGroups: string[];
  /** The ports of the nodes the tasks run on. */
  nodePorts: number[];
  /** EXPLAIN's error, when the statement cannot be planned on the cluster. */
  error?: string;
  /** The plan; for the identity statement, the commands Citus sent to the workers while it ran. */
  plan: string;
}

const shardIdsIn = (text: string) => [...text.matchAll(/\b[a-z_]+_(\d{6,})\b/g)].map((m) => m[1]!);

/**
 * Runs one GraphQL operation and records the statements it sends (statement-counter.ts), as they reached
 * PostgreSQL: the text with its parameters inlined, or a prepared statement's text and parameters.
 */
export async function recordOperation(
  t: TestServer,
  query: string,
  variables: Record<string, unknown>,
  as: string,
): Promise<{ statements: RecordedStatement[]; errors: unknown }> {
  await t.token(as);
  const counter = t.server.statements;
  counter.recorded = [];
  try {
    const response = await t.graphql(query, variables, { as });
    return { statements: counter.recorded, errors: response.errors };
  } finally {
    counter.recorded = null;
  }
}

/** shard id → its shard group (`colocation id:min hash`), for hash-distributed tables only. */
async function distributedShards(client: pg.Client): Promise<Map<string, string>> {
  const rows = await client.query<{ shardid: string; grp: string }>(
    `select s.shardid::text, p.colocationid || ':' || s.shardminvalue as grp
       from pg_dist_shard s join pg_dist_partition p using (logicalrelid)
      where p.partmethod = 'h'`,
  );
  return new Map(rows.rows.map((r) => [r.shardid, r.grp]));
}

/**
 * EXPLAINs, as the application role with the request's own identity statement replayed first, every
 * statement the request sent, in one transaction that is rolled back (EXPLAIN plans writes without
 * running them). The plans name the shards each statement's tasks touch. The identity statement runs its
 * reads inside functions, which no EXPLAIN shows: it is run with `citus.log_remote_commands`, and its route
 * is the shards and nodes of the commands Citus sent (the session check and the data version).
 */
export async function routeOf(appUrl: string, statements: RecordedStatement[]): Promise<StatementRoute[]> {
  return withDatabaseClient(appUrl, async (client) => {
    const shards = await withDatabaseClient(appUrl, distributedShards);
    const routes: StatementRoute[] = [];
    const issued: string[] = [];
    const prepared = new Set<string>();
    client.on('notice', (notice: { message?: string; detail?: string }) => {
      if (notice.message?.startsWith('issuing ')) issued.push(`${notice.message} (${notice.detail ?? ''})`);
    });
    await client.query('begin');
    try {
      for (const { sql, params } of statements) {
        if (TRANSACTION_CONTROL.test(sql)) continue;
        if (isSessionSetup(sql)) {
          // an executed session statement is prepared on this connection first, as the server's client does
          const session = executedSessionStatement(sql);
          if (session && !prepared.has(session.name)) {
            await client.query(session.prepare);
            prepared.add(session.name);
          }
          issued.length = 0;
          await client.query('set local citus.log_remote_commands = on');
          await client.query(sql, [...params]);
          await client.query('set local citus.log_remote_commands = off');
          const sent = issued.join('\n');
          routes.push({
            sql,
            plan: sent,
            taskCounts: [],
            shardGroups: [
              ...new Set(
                shardIdsIn(sent)
                  .map((id) => shards.get(id))
                  .filter((g): g is string => !!g),
              ),
            ],
            nodePorts: [...new Set([...sent.matchAll(/@[\d.]+:(\d+) connectionId/g)].map((m) => Number(m[1])))],
          });
          continue;
        }
        await client.query('savepoint explained');
        try {
          const result = await client.query<{ 'QUERY PLAN': string }>(`explain (verbose, costs off) ${sql}`, [
            ...params,
          ]);
          const plan = result.rows.map((r) => r['QUERY PLAN']).join('\n');
          const shardIds = shardIdsIn(plan);
          routes.push({
            sql,
            plan,
            taskCounts: [...plan.matchAll(/Task Count: (\d+)/g)].map((m) => Number(m[1])),
            shardGroups: [...new Set(shardIds.map((id) => shards.get(id)).filter((g): g is string => !!g))],
            nodePorts: [...new Set([...plan.matchAll(/Node: host=\S+ port=(\d+)/g)].map((m) => Number(m[1])))],
          });
          await client.query('release savepoint explained');
        } catch (error) {
          await client.query('rollback to savepoint explained');
          routes.push({ sql, plan: '', taskCounts: [], shardGroups: [], nodePorts: [], error: String(error) });
        }
      }
    } finally {
      await client.query('rollback');
    }
    return routes;
  });
}

/** A compact account of the routes, for assertion messages: the tables each statement reads and its tasks. */
export function describeRoutes(routes: StatementRoute[]): string[] {
  return routes.map((r) => {
    const tables = [...new Set([...r.sql.matchAll(/\b(?:from|join|into|update)\s+"?(\w+)"?/gi)].map((m) => m[1]))];
    const verb = r.sql.trim().split(/\s/)[0]!.toLowerCase();
    const groups = `, shard groups ${r.shardGroups.length}`;
    return `${verb} ${tables.join(', ')} → tasks ${JSON.stringify(r.taskCounts)}${groups}${r.error ? ` ERROR ${r.error}` : ''}`;
  });
}
