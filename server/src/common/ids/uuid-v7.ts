import { randomBytes } from 'node:crypto';

/**
 * Time-ordered UUID (RFC 9562 v7): ids are generated in the application so a row's id is known
 * before insert, and their time prefix keeps B-tree inserts local and gives a stable tiebreak order.
 */
export function uuidV7(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
