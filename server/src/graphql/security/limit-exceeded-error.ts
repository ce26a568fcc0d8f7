import { GraphQLError } from 'graphql';
import type { AppError } from '../../common/errors/app-error.js';
import { securityErrors, type QueryLimit } from './security.errors.js';

export type { QueryLimit } from './security.errors.js';

/** The refusal of a query that exceeds one of the limits (its catalogue entry in security.errors.ts). */
export function limitExceededError(limit: QueryLimit, max: number, found: number | null): AppError {
  return securityErrors.limitExceeded[limit](max, found);
}

/** An AppError as a GraphQLError Apollo answers with HTTP 400 before anything runs. */
export function asRequestError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 400 } } });
}
