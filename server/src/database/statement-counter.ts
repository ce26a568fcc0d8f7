import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release|start transaction)\b/i;
// the identity statement, and the result cache's probe of the same (tenancy/apply-identity.ts)
const SESSION_SETUP = /^\s*(select (set_config|renda_identity_valid)|execute renda_identity)\(/i;

/** Whether `sql` is the identity statement (executed or inline) or the result cache's probe of it. */
export const isSessionSetup = (sql: string): boolean => SESSION_SETUP.test(sql);

/** One statement as PostgreSQL received it: its text and, for prepared statements, the parameters. */
export interface RecordedStatement {
  sql: string;
  params: readonly unknown[];
}

/**
 * Counts the SQL statements the ORM sends (transaction control apart), so tests and benchmarks can
 * prove that nested queries are batched: read `total` before and after a request.
 */
export class StatementCounter {
  /** Statements that read or write data. */
  total = 0;
  transactionControl = 0;
  /** The per-transaction identity (`set_config`), counted apart as benchmarks report it. */
  sessionSetup = 0;
  /**
   * Every statement (transaction control included) while a test records, so it can EXPLAIN what a request
   * really sent (the Citus routing tests); null, and nothing kept, otherwise.
   */
  recorded: RecordedStatement[] | null = null;

  record(query: string, params: readonly unknown[] = []): void {
    this.recorded?.push({ sql: query, params });
    if (TRANSACTION_CONTROL.test(query)) this.transactionControl += 1;
    else if (SESSION_SETUP.test(query)) this.sessionSetup += 1;
    else this.total += 1;
  }

  /** A MikroORM logger factory that reports every query here and logs as the default logger would. */
  loggerFactory() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- captured by the logger subclass below
    const counter = this;
    return (options: LoggerOptions) =>
      new (class CountingLogger extends DefaultLogger {
        override logQuery(context: { query: string; formatted?: string } & LogContext): void {
          // MikroORM sends `formatted` (parameters inlined); prepared statements log their text and parameters.
          if (counter.recorded && context.formatted !== undefined) counter.record(context.formatted);
          else counter.record(context.query, context.params);
          super.logQuery(context);
        }
      })(options);
  }
}
