import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { numberedPlaceholders } from '../common/sql/numbered-placeholders.js';

/** A statement with `?` placeholders, turned once into pg's named form (`$1`, `$2`, …). */
interface NamedStatement {
  name: string;
  text: string;
}

/** What kysely's executors (a transaction, or the pool's client) take and give, as far as used here. */
interface RawQuery {
  sql: NamedStatement;
  parameters: readonly unknown[];
  query: { kind: 'RawNode'; sqlFragments: readonly string[]; parameters: readonly unknown[] };
  queryId: { queryId: string };
}
interface QueryExecutor {
  executeQuery(query: RawQuery): Promise<{ rows: unknown[] }>;
}

const named = new Map<string, NamedStatement>();

function namedStatement(sql: string): NamedStatement {
  let statement = named.get(sql);
  if (!statement) {
    // Every `?` of a hot statement is a placeholder: none of them uses jsonb's `?` operators.
    const text = numberedPlaceholders(sql);
    statement = { name: `renda_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text };
    named.set(sql, statement);
  }
  return statement;
}

/**
 * Runs a hot statement as a named prepared statement of the request's connection, so PostgreSQL parses
 * and plans it once per connection instead of once per request. MikroORM's `em.execute` inlines the
 * parameters into the text (nothing can be prepared), and planning a submission's statements cost more
 * than executing them (see bench/README.md, B3).
 *
 * pg prepares a statement when `client.query` receives `{ name, text }`; kysely's PostgresConnection hands
 * `CompiledQuery.sql` to `client.query` as that first argument unchanged, so the config object travels in
 * `sql`. prepared-statement.test.ts checks in `pg_prepared_statements` that it arrives prepared.
 *
 * Runs in the entity manager's transaction (the request's, with its identity and row-level security);
 * errors are converted as `em.execute` converts them, and the statement is logged (and counted) as
 * MikroORM logs its own. Only for statements of a fixed shape: each distinct text is prepared on every
 * connection that runs it and kept for the connection's life.
 */
export async function executePrepared<T extends object>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  const statement = namedStatement(sql);
  // kysely types `sql` as a string; pg takes the object (see above).
  const executor = (em.getTransactionContext() ?? em.getConnection().getClient()) as unknown as QueryExecutor;
  const query: RawQuery = {
    sql: statement,
    parameters: params.map((p) => (p === undefined ? null : p)),
    query: { kind: 'RawNode', sqlFragments: [statement.text], parameters: [] },
    queryId: { queryId: statement.name },
  };
  const started = Date.now();
  const logger = em.config.getLogger();
  try {
    const result = await executor.executeQuery(query);
    logger.logQuery({
      query: statement.text,
      params: query.parameters,
      level: 'info',
      took: Date.now() - started,
      results: result.rows.length,
    });
    return result.rows as T[];
  } catch (error) {
    logger.logQuery({ query: statement.text, level: 'error', took: Date.now() - started });
    throw error instanceof Error ? em.getDriver().convertException(error) : error;
  }
}
