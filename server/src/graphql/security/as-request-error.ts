import { GraphQLError } from 'graphql';
import type { AppError } from '../../common/errors/app-error.js';

/** An AppError as a GraphQLError Apollo answers with HTTP 400 before anything runs. */
export function asRequestError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 400 } } });
}
