import { authErrors } from './auth.errors.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
const MIN_DISTINCT_CHARACTERS = 5;

/**
 * What a password a person chooses must be (activation): long enough, and not a run of one key or a
 * phone number. Counted in code points, so a Chinese passphrase counts as it reads.
 */
export function assertAcceptablePassword(password: string): void {
  const characters = [...password];
  if (characters.length < PASSWORD_MIN_LENGTH || characters.length > PASSWORD_MAX_LENGTH)
    throw authErrors.passwordTooShort(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH);
  if (new Set(characters).size < MIN_DISTINCT_CHARACTERS || /^[0-9]+$/.test(password))
    throw authErrors.passwordTooWeak();
}
