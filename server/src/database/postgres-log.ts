/** Where the embedded PostgreSQL's log lines go: the server's own JSON log (or nowhere, in tests). */
export interface PostgresLogSink {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(error: unknown, message: string, fields?: Record<string, unknown>): void;
}

export const SILENT_SINK: PostgresLogSink = { info: () => undefined, warn: () => undefined, error: () => undefined };

type Level = 'info' | 'warn' | 'error';

/**
 * PostgreSQL's stderr lines (`2026-12-06 13:00:00.000 UTC [123] LOG:  checkpoint starting`) become JSON
 * log lines with `source: "postgres"`. A client's failed statement (`ERROR`) is a warning for the server,
 * not an error of its own; `FATAL`/`PANIC` are errors. DETAIL/HINT/STATEMENT/CONTEXT lines continue the
 * line before them and keep its level. `onLine` sees every message (the supervisor waits for "ready").
 */
/** A connection refused while PostgreSQL starts or stops: expected then, so a warning, not an error. */
const TRANSIENT = /^the database system is (starting up|not yet accepting connections|shutting down|in recovery mode)/;

export function postgresLineWriter(
  sink: PostgresLogSink,
  onLine?: (text: string) => void,
): (chunk: Buffer | string) => void {
  let pending = '';
  let lastLevel: Level = 'info';
  const write = (line: string) => {
    const match = /^\S+ \S+ \S+ \[(\d+)\] ([A-Z]+\d?):\s+(.*)$/.exec(line);
    const pid = match ? Number(match[1]) : undefined;
    const severity = match?.[2] ?? null;
    const text = match?.[3] ?? line;
    let level: Level = lastLevel;
    onLine?.(text);
    if ((severity === 'FATAL' || severity === 'PANIC') && !TRANSIENT.test(text)) level = 'error';
    else if (severity === 'FATAL') level = 'warn';
    else if (severity === 'ERROR' || severity === 'WARNING') level = 'warn';
    else if (severity !== null && !['DETAIL', 'HINT', 'STATEMENT', 'CONTEXT', 'QUERY', 'LOCATION'].includes(severity))
      level = 'info';
    lastLevel = level;
    const fields = { source: 'postgres', ...(severity ? { severity } : {}), ...(pid ? { pgPid: pid } : {}) };
    if (level === 'error') sink.error(undefined, text, fields);
    else sink[level](text, fields);
  };
  return (chunk) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) write(line.trimEnd());
  };
}
