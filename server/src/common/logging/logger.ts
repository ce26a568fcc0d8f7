/**
 * Minimal structured logger: one JSON object per line on stderr, so stdout stays free for
 * command output. (Request ids and metrics arrive with the observability issue.)
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(error: unknown, message: string): void;
}

function write(level: string, message: string, fields: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
}

export function createLogger(silent = false): Logger {
  if (silent) return { info: () => undefined, error: () => undefined };
  return {
    info: (message, fields = {}) => write('info', message, fields),
    error: (error, message) =>
      write('error', message, {
        error:
          error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      }),
  };
}
