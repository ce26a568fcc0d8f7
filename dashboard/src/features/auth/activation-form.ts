/** The server's rule (PASSWORD_TOO_SHORT), checked before sending so the common slip needs no round trip. */
export const PASSWORD_MIN_LENGTH = 10;

export type ActivationProblem = 'required' | 'tooShort' | 'mismatch';

/**
 * What is wrong with the two password fields, if anything. Length counts characters as the server does
 * (code points), so a Chinese passphrase is measured as it reads. The server has the last word on
 * strength (PASSWORD_TOO_WEAK) and on the link itself.
 */
export function activationProblem(password: string, confirmation: string): ActivationProblem | null {
  if (password === '' || confirmation === '') return 'required';
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password !== confirmation) return 'mismatch';
  return null;
}
