import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, appErrorExtensions } from './app-error.js';
import { mapDatabaseError } from './map-database-error.js';
import { mapAvailabilityError } from './map-availability-error.js';
import { requestErrorDetails } from './request-error-details.js';

/** Our own codes, when an error was shaped outside a resolver (context creation: a bad token). */
const APP_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED']);

/** A class-validator rule of an input failed (the first failure's path is the field). */
export const INPUT_VALIDATION_FAILED = 'INPUT_VALIDATION_FAILED';
/** Not a refusal: a bug or an unexpected failure, logged and hidden. */
export const INTERNAL_ERROR = 'INTERNAL_ERROR';

/** GraphQL's own request errors (parse, validation, variable coercion) are safe to show as they are. */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** The first failed rule, with its path through nested inputs and lists (`values.2.overrideReason`). */
function firstFailure(
  errors: readonly ValidationFailure[],
  path: (string | number)[] = [],
): { path: (string | number)[]; constraints: Record<string, string> } | null {
  for (const error of errors) {
    const here = [...path, /^\d+$/.test(error.property) ? Number(error.property) : error.property];
    if (error.constraints && Object.keys(error.constraints).length > 0)
      return { path: here, constraints: error.constraints };
    const nested = firstFailure(error.children ?? [], here);
    if (nested) return nested;
  }
  return null;
}

export interface ErrorLogger {
  error(error: unknown, message: string): void;
}

/**
 * The one place errors become what clients see: AppErrors keep their code, field and both messages;
 * class-validator failures become BAD_USER_INPUT with the field; anything else (a database error, a bug)
 * is logged and replaced by a generic internal error so SQL and stack traces never reach clients.
 */
export function createErrorFormatter(logger: ErrorLogger) {
  return function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const raw = error instanceof GraphQLError ? error.originalError : error;
    const original = mapDatabaseError(raw) ?? mapAvailabilityError(raw) ?? raw;
    // The database could not run what the server sent: a defect of this deployment, so the operator sees it.
    if (original instanceof AppError && original.reason === 'DATABASE_FEATURE_NOT_SUPPORTED')
      logger.error(raw, 'the database does not support a statement the server sent');
    if (original instanceof AppError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: appErrorExtensions(original),
      };
    }
    if (original instanceof ArgumentValidationError) {
      const failure = firstFailure(original.extensions.validationErrors);
      const constraints = failure ? Object.values(failure.constraints).join('; ') : 'invalid input';
      const field = failure ? ['input', ...failure.path] : null;
      return {
        message: `输入无效 / Invalid input: ${constraints}`,
        path: formatted.path,
        locations: formatted.locations,
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: INPUT_VALIDATION_FAILED,
          field,
          messageZh: `输入无效：${failure?.path.join('.') ?? ''}`,
          messageEn: `Invalid input: ${constraints}`,
        },
      };
    }
    const code = formatted.extensions?.['code'];
    const messageZh = formatted.extensions?.['messageZh'];
    const messageEn = formatted.extensions?.['messageEn'];
    if (typeof code === 'string' && APP_CODES.has(code) && typeof messageZh === 'string') {
      const reason = formatted.extensions?.['reason'];
      return {
        message: formatted.message,
        extensions: { code, reason: typeof reason === 'string' ? reason : code, field: null, messageZh, messageEn },
      };
    }
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      const details = requestErrorDetails(code, formatted.message);
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code,
          reason: details.reason,
          field: details.field,
          messageZh: typeof messageZh === 'string' ? messageZh : details.messageZh,
          messageEn: typeof messageEn === 'string' ? messageEn : details.messageEn,
        },
      };
    }
    logger.error(original ?? error, 'unexpected error while resolving a GraphQL request');
    return {
      message: '服务器内部错误 / Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        reason: INTERNAL_ERROR,
        messageZh: '服务器内部错误',
        messageEn: 'Internal server error',
      },
    };
  };
}
