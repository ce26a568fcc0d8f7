import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 4 KiB at a time: one call into the system's generator per 256 ids, not per id. */
const pool = Buffer.alloc(4096);
let offset = pool.length;

/**
 * Time-ordered UUID (RFC 9562 v7): ids are generated in the application so a row's id is known
 * before insert, and their time prefix keeps B-tree inserts local and gives a stable tiebreak order.
 * The random part comes from a pooled buffer (as `crypto.randomUUID` does): a submission generates an
 * id per value, and `randomBytes(16)` per id showed in B3's profile.
 */
export function uuidV7(now: number = Date.now()): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
