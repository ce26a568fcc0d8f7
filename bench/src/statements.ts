import { withClient } from './with-client.js';

/** SQL statements per request, split as the fairness rules ask. */
export interface StatementCounts {
  begin: number;
  setConfig: number;
  commit: number;
  /** Everything else: the statements that read or write data. */
  data: number;
  /** PostgreSQL's execution time of all of them, in ms (pg_stat_statements total_exec_time). */
  sqlMs: number;
}

/** Resets this database's statistics only: a run on another tier's database in the same cluster keeps its own. */
export async function resetStatements(superuserUrl: string): Promise<void> {
  await withClient(superuserUrl, (client) =>
    client.query(
      'select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0)',
    ),
  );
}

const minus = (a: StatementCounts, b: StatementCounts): StatementCounts => ({
  begin: a.begin - b.begin,
  setConfig: a.setConfig - b.setConfig,
  commit: a.commit - b.commit,
  data: a.data - b.data,
  sqlMs: a.sqlMs - b.sqlMs,
});

/**
 * Statements of `requests` requests that `send` makes, per request: counted as the difference of two
 * readings, and taken again if something reset the statistics in between (every request begins at
 * least one transaction, so fewer begins than requests means a reset).
 */
export async function countStatements(
  superuserUrl: string,
  requests: number,
  send: () => Promise<void>,
): Promise<StatementCounts> {
  for (let attempt = 1; ; attempt++) {
    const before = await readStatements(superuserUrl);
    await send();
    const delta = minus(await readStatements(superuserUrl), before);
    if (delta.begin >= requests || attempt === 3) return perRequest(delta, requests);
  }
}

/** Calls by the app role (and the analyst role it switches to) in this database since the last reset. */
export async function readStatements(superuserUrl: string): Promise<StatementCounts> {
  const rows = await withClient(superuserUrl, async (client) => {
    const result = await client.query<{ query: string; calls: string; ms: number }>(
      `select s.query, s.calls, s.total_exec_time as ms from pg_stat_statements s join pg_roles r on r.oid = s.userid
        where r.rolname in ('renda_app', 'renda_analyst') and s.dbid = (select oid from pg_database where datname = current_database())`,
    );
    return result.rows;
  });
  const counts: StatementCounts = { begin: 0, setConfig: 0, commit: 0, data: 0, sqlMs: 0 };
  for (const { query, calls, ms } of rows) {
    const n = Number(calls);
    counts.sqlMs += Number(ms);
    if (/^\s*(begin|start transaction)\b/i.test(query)) counts.begin += n;
    else if (/^\s*(commit|rollback|end)\b/i.test(query)) counts.commit += n;
    else if (/set_config\(/i.test(query)) counts.setConfig += n;
    else counts.data += n;
  }
  return counts;
}

export function perRequest(counts: StatementCounts, requests: number): StatementCounts {
  return {
    begin: counts.begin / requests,
    setConfig: counts.setConfig / requests,
    commit: counts.commit / requests,
    data: counts.data / requests,
    sqlMs: counts.sqlMs / requests,
  };
}

/**
 * Waits until no statement of the app roles is running: autocannon stops sending at the end of a run,
 * but the server still finishes what it received, and those statements must not count for the next.
 */
export async function waitForQuiet(superuserUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await withClient(superuserUrl, async (client) => {
    for (;;) {
      const active = await client.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity
          where usename in ('renda_app', 'renda_analyst') and datname = current_database()
            and (state <> 'idle' or xact_start is not null)`,
      );
      if (Number(active.rows[0]!.n) === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}
