import { AppError, type AppErrorOptions, type FieldPath } from './app-error.js';

/** What a catalogue entry says besides its reason. */
export type ErrorContent = Omit<AppErrorOptions, 'reason'>;

/** A catalogue entry: builds its AppError, and names its reason without being called (for the catalogue test). */
export interface ErrorFactory<A extends unknown[]> {
  (...args: A): AppError;
  readonly reason: string;
}

/**
 * One entry of a domain's error catalogue (`<domain>.errors.ts`): a stable reason and how to word it.
 * Throw sites call the entry; only catalogues and common/errors build AppErrors.
 */
export function defineError<A extends unknown[]>(
  reason: string,
  content: (...args: A) => ErrorContent,
): ErrorFactory<A> {
  return Object.assign((...args: A) => new AppError({ reason, ...content(...args) }), { reason });
}

/** The content of a BAD_USER_INPUT refusal of one field. */
export function badInput(field: FieldPath, messageZh: string, messageEn: string): ErrorContent {
  return { code: 'BAD_USER_INPUT', messageZh, messageEn, field };
}
