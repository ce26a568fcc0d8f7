import { badInputError } from '../errors/bad-input-error.js';

/** Opaque cursors: the sort-key values of the last row seen, so pages stay stable under inserts. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedLength: number, field: readonly string[] = ['after']): unknown[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded) || decoded.length !== expectedLength) {
    throw badInputError(field, '分页游标无效', 'Invalid pagination cursor');
  }
  return decoded;
}
