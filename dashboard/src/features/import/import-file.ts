/** What the import page does without a DOM: encoding files for the API and deciding whether to commit. */

/** Base64 of a file's bytes, in chunks (String.fromCharCode over a whole file overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The API takes files up to its 1 MB request body: base64 grows a file by a third. */
export const MAX_FILE_BYTES = 750 * 1024;

/** Why the commit button is disabled, or null when it may be pressed. */
export type CommitBlock = 'noFile' | 'tooLarge' | 'notPreviewed' | 'problems' | 'busy' | 'done' | null;

export interface ImportPageState {
  fileSize: number | null;
  previewed: boolean;
  problems: number;
  busy: boolean;
  committed: boolean;
}

export function commitBlock(state: ImportPageState): CommitBlock {
  if (state.fileSize === null) return 'noFile';
  if (state.fileSize > MAX_FILE_BYTES) return 'tooLarge';
  if (state.busy) return 'busy';
  if (state.committed) return 'done';
  if (!state.previewed) return 'notPreviewed';
  if (state.problems > 0) return 'problems';
  return null;
}
