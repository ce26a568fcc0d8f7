import { pino, type DestinationStream } from 'pino';
import { requestScope } from './request-scope.js';

/**
 * Structured logger: one JSON object per line (pino), on stderr so stdout stays free for command
 * output. Every line written while a request is served carries its `requestId` (and GraphQL operation).
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(error: unknown, message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  /** Writes nothing (tests). */
  silent?: boolean;
  /** Where lines go; stderr by default. */
  destination?: DestinationStream;
  /** `debug`, `info` (default), `warn`, `error`. */
  level?: string;
}

/** `createLogger(true)` is the silent logger tests use. */
export function createLogger(options: boolean | LoggerOptions = {}): Logger {
  const { silent = false, destination, level = 'info' } = typeof options === 'boolean' ? { silent: options } : options;
  const log = pino(
    {
      level: silent ? 'silent' : level,
      messageKey: 'message',
      errorKey: 'error',
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names, not numbers: log pipelines and people read them without a lookup table.
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: pino.stdSerializers.err },
      // Nothing logs credentials on purpose; this catches an accidental `{ headers }` or input object.
      redact: { paths: ['authorization', '*.authorization', 'password', '*.password', 'token', '*.token'] },
      mixin: () => {
        const scope = requestScope.getStore();
        if (!scope) return {};
        return scope.operationName
          ? { requestId: scope.requestId, operation: scope.operationName }
          : { requestId: scope.requestId };
      },
    },
    // Synchronous writes: a line logged just before process.exit() (shutdown) must not be lost.
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
  return {
    info: (message, fields = {}) => log.info(fields, message),
    warn: (message, fields = {}) => log.warn(fields, message),
    error: (error, message, fields = {}) => log.error({ ...fields, error }, message),
  };
}
