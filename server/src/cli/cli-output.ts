import { AppError } from '../common/errors/app-error.js';
import { mapAvailabilityError } from '../common/errors/map-availability-error.js';
import { mapDatabaseError } from '../common/errors/map-database-error.js';

/** Where a command prints: text for people, or one JSON document (`--json`) for scripts. */
export interface CliOutput {
  json: boolean;
  /** Prints the result: `lines` as text, or `value` as JSON. */
  result(value: unknown, lines: string[]): void;
}

export function cliOutput(json: boolean, write: (text: string) => void = (t) => process.stdout.write(t)): CliOutput {
  return {
    json,
    result(value, lines) {
      write(json ? `${JSON.stringify(value, null, 2)}\n` : `${lines.join('\n')}\n`);
    },
  };
}

/** Refusals as AppErrors; database outages and constraint violations mapped as the API maps them. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  return mapAvailabilityError(error) ?? mapDatabaseError(error);
}

/**
 * How a failed command ends: one coded line in Chinese and one in English on stderr (or the error as
 * JSON on stdout with `--json`), never a stack trace. Returns the exit code.
 */
export function reportFailure(error: unknown, json: boolean): number {
  const appError = toAppError(error);
  const body = appError
    ? {
        code: appError.code,
        reason: appError.reason,
        messageZh: appError.messageZh,
        messageEn: appError.messageEn,
        ...(appError.details ? { details: appError.details } : {}),
      }
    : {
        code: 'INTERNAL_SERVER_ERROR',
        reason: 'CLI_UNEXPECTED',
        messageZh: `意外错误：${error instanceof Error ? error.message : String(error)}`,
        messageEn: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
      };
  if (json) process.stdout.write(`${JSON.stringify({ error: body }, null, 2)}\n`);
  else process.stderr.write(`错误 [${body.reason}]：${body.messageZh}\nerror [${body.reason}]: ${body.messageEn}\n`);
  return 1;
}
