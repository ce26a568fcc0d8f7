import { GraphQLError } from 'graphql';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { securityErrors, type QueryLimit } from './security.errors.js';

/**
 * graphql-armor's own refusal reads "Syntax Error: …" in English only; this replaces it with an
 * AppError (BAD_USER_INPUT, both languages, the limit and the measured value in `details`) reported as
 * a validation error, so Apollo answers 400 and the one error mapper formats it like any other refusal.
 */
export function reportLimitExceeded(
  limit: Exclude<QueryLimit, 'cost' | 'responseSize'>,
  max: number,
): GraphQLArmorRejectCallback {
  return (context, armorError) => {
    // armor states the measured value only in its message ("…, found 14.")
    const measured = /found (\d+(?:\.\d+)?)/.exec(armorError.message)?.[1];
    const error = securityErrors.limitExceeded[limit](max, measured === undefined ? null : Number(measured));
    context?.reportError(new GraphQLError(error.message, { originalError: error }));
  };
}
