import { numberedPlaceholders } from './numbered-placeholders.js';

/**
 * Statements a connection prepares once, on first use, and keeps for its life (`PREPARE name(…) AS …`),
 * run as plain text with `EXECUTE name(…)`. Plain text keeps them in the one message HeldStatementsClient
 * makes of a request's first statements (a named extended-protocol statement would need a message of its
 * own), while PostgreSQL parses and plans them once per connection instead of once per request.
 *
 * The client (held-statements-client.ts) sends the `PREPARE` in the same message as the connection's
 * first `EXECUTE` of it, wherever the connection came from: a pool created before the migrations that
 * define what the statement calls prepares it when it first runs it, not when it connects.
 */
const registered = new Map<string, string>();

/**
 * Registers `prepare` (`prepare <name>[(…)] as …`) under `name`, for statements made at run time
 * (common/entities/prepared-reads.ts); `sessionStatement` is the form for statements written in the code.
 */
export function registerSessionStatement(name: string, prepare: string): void {
  registered.set(name, prepare);
}

/**
 * `execute <name>(?, …)` with `arity` placeholders; without parentheses when there are none, since
 * PostgreSQL refuses an empty pair (in `execute` as in `prepare`).
 */
export function executeOf(name: string, arity: number): string {
  return arity === 0 ? `execute ${name}` : `execute ${name}(${Array.from({ length: arity }, () => '?').join(', ')})`;
}

/** Registers `prepare` (`prepare <name>(…) as …`) under `name`; returns `execute <name>(…)` with `?` placeholders. */
export function sessionStatement(name: string, parameterTypes: readonly string[], statement: string): string {
  const types = parameterTypes.length === 0 ? '' : `(${parameterTypes.join(', ')})`;
  registered.set(name, `prepare ${name}${types} as ${numberedPlaceholders(statement)}`);
  return executeOf(name, parameterTypes.length);
}

/** The registered statement `text` executes, with the `PREPARE` that defines it. */
export function executedSessionStatement(text: string): { name: string; prepare: string } | null {
  const match = /^\s*execute\s+(\w+)\s*(?:\(|$)/i.exec(text);
  const prepare = match ? registered.get(match[1]!) : undefined;
  return prepare ? { name: match![1]!, prepare } : null;
}

/** The session statement an error says is missing (SQLSTATE 26000), when it is one of ours. */
export function missingSessionStatement(error: unknown): string | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== '26000' || typeof message !== 'string') return null;
  const name = /prepared statement "(\w+)" does not exist/.exec(message)?.[1];
  return name && registered.has(name) ? name : null;
}
