import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { numberedPlaceholders } from '../sql/numbered-placeholders.js';
import { executeOf, registerSessionStatement } from '../sql/session-statements.js';

/**
 * A request's reads as statements each connection prepares once (session-statements.ts), so PostgreSQL
 * parses, rewrites (row-level security's policies) and plans a read's text once per connection instead of
 * once per request. PostGraphile prepares its statements too. At the county tier, pgbench replaying
 * PreviousQuarterReport's transaction (identity, the report, its values) as county staff: 0.62–0.64 ms
 * per transaction sent as plain text, 0.34–0.35 ms prepared.
 *
 * A read travels as `execute <name>(<values>)`, its values written as MikroORM writes them into the plain
 * text, so it still rides in one message with the begin and the identity (held-statements-client.ts).
 * PostgreSQL gives a prepared statement's parameters the types their places imply, where the plain text
 * gave its literals the same types: only reads whose values are strings, booleans, nulls and integers of
 * the int4 range are prepared (a fraction or a bigint could take another type than its literal did).
 *
 * A text is prepared only once PostgreSQL has accepted it. The first time the process sees it, it runs as
 * plain text, and then, in the same transaction, `PREPARE` and `DEALLOCATE` behind a savepoint tell whether
 * it can be: a parameter whose type its place does not imply (`? is null`) makes PostgreSQL refuse it, the
 * savepoint is rolled back and the text always runs plain. A prepare refused in a request's message would
 * fail the request; behind the savepoint it fails nothing. One extra round trip, once per text per process.
 *
 * Row-level security stays right: PostgreSQL re-plans a prepared statement when the role it was planned
 * for changes, and the policies read the caller's settings when the statement runs, not when it was
 * planned (tenancy/prepared-reads.test.ts alternates two townships' clerks on one connection).
 *
 * Bounded: at most `MAX_PREPARED` texts per process (every connection may prepare each), and texts beyond
 * `MAX_SEEN` are not tracked at all; a read past either runs as plain text, as before.
 */
const MAX_PREPARED = 100;
const MAX_SEEN = 2000;
const INT4_MAX = 2 ** 31 - 1;
const SAVEPOINT = 'renda_prepare_check';

type Row = Record<string, unknown>;
type State = { kind: 'checking' } | { kind: 'ready'; execute: string } | { kind: 'refused' };

const states = new Map<string, State>();
let admitted = 0;

/** A value whose literal and whose prepared parameter take the same type. */
function bindsAsItsLiteral(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= INT4_MAX;
}

/** Every `?` of `sql` is one of `params` (MikroORM's `\?` and `??` forms are left to the plain path). */
function placeholdersOnly(sql: string, params: readonly unknown[]): boolean {
  if (sql.includes('\\?') || sql.includes('??')) return false;
  let count = 0;
  for (let i = sql.indexOf('?'); i !== -1; i = sql.indexOf('?', i + 1)) count++;
  return count === params.length;
}

/** Whether PostgreSQL prepares `sql`, asked in `em`'s transaction behind a savepoint; registers it if so. */
async function check(em: EntityManager, sql: string, arity: number): Promise<void> {
  states.set(sql, { kind: 'checking' });
  admitted++;
  const body = numberedPlaceholders(sql);
  const name = `renda_read_${createHash('sha1').update(body).digest('hex').slice(0, 24)}`;
  const prepare = `prepare ${name} as ${body}`;
  try {
    // Dropped at once: each connection prepares it with its first execute (held-statements-client.ts).
    await em.execute(
      `savepoint ${SAVEPOINT}; ${prepare}; deallocate ${name}; release savepoint ${SAVEPOINT}`,
      [],
      'run',
    );
  } catch {
    states.set(sql, { kind: 'refused' });
    admitted--;
    // The refused prepare aborted the transaction up to the savepoint; the request goes on from there.
    await em.execute(`rollback to savepoint ${SAVEPOINT}`, [], 'run');
    return;
  }
  registerSessionStatement(name, prepare);
  states.set(sql, { kind: 'ready', execute: executeOf(name, arity) });
}

/**
 * Runs a read (MikroORM's `?` placeholders) in `em`'s request transaction: prepared when its text is,
 * otherwise as plain text, after which the text's first sight asks PostgreSQL whether it prepares.
 */
export async function executeRead(em: EntityManager, sql: string, params: readonly unknown[]): Promise<Row[]> {
  const state = states.get(sql);
  const binds = params.every(bindsAsItsLiteral);
  if (state?.kind === 'ready' && binds) return em.execute<Row[]>(state.execute, [...params]);
  const rows = await em.execute<Row[]>(sql, [...params]);
  if (
    state === undefined &&
    binds &&
    states.size < MAX_SEEN &&
    admitted < MAX_PREPARED &&
    placeholdersOnly(sql, params)
  )
    await check(em, sql, params.length);
  return rows;
}
