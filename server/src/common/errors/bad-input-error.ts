import { AppError } from './app-error.js';

export function badInputError(field: readonly (string | number)[], messageZh: string, messageEn: string): AppError {
  return new AppError({ code: 'BAD_USER_INPUT', messageZh, messageEn, field });
}
