import { executedSessionStatement } from '../common/sql/session-statements.js';
import type { TestServer } from './test-server.js';

/**
 * Runs `run` with the server recording its statements and returns its result with the reads of `table`: a
 * prepared read's text rather than its `execute`, and not the savepoint that checks a text's first sight.
 */
export async function readsOf<T>(
  t: TestServer,
  table: string,
  run: () => Promise<T>,
): Promise<{ result: T; reads: string[] }> {
  t.server.statements.recorded = [];
  try {
    const result = await run();
    const reads = t.server.statements.recorded
      .map((s) => executedSessionStatement(s.sql)?.prepare ?? s.sql)
      .filter((sql) => !sql.startsWith('savepoint ') && sql.includes(`from "${table}"`));
    return { result, reads };
  } finally {
    t.server.statements.recorded = null;
  }
}
