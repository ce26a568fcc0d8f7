import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { stringify } from 'safe-stable-stringify';
import { canonicalVariables } from '../canonical-variables.js';
import { chinaToday } from '../../common/validation/china-today.js';
import type { Identity } from '../../tenancy/identity.js';

export interface ResultKeyParts {
  identity: Identity;
  /** The caller's county data version, read by the request transaction's first statement. */
  dataVersion: string;
  /** sha256 of the operation's document text (Apollo's queryHash). */
  queryHash: string;
  operationName: string | null | undefined;
  variables: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The cache key of one query result, also its ETag. Everything a result depends on is in it: who asks
 * (role, county, township, deputy, and the user itself: notifications, saved queries, a deputy's home
 * and API tokens' scopes depend on the user, so results are never shared between users), what is asked
 * (document hash, operation name, variables as canonical JSON: key order does not matter), the county's
 * data version (any write to the county's data changes it) and the day in China (deadlines, overdue
 * counts and "this quarter" move at midnight without any write). Hashed: a fixed-size key that reveals
 * nothing when used as an ETag.
 */
export function resultCacheKey(parts: ResultKeyParts): string {
  const { identity } = parts;
  const material = stringify([
    1,
    identity.role,
    identity.countyId,
    identity.townshipId ?? '',
    identity.deputyId ?? '',
    identity.userId,
    parts.dataVersion,
    chinaToday(),
    parts.queryHash,
    parts.operationName ?? '',
  ]);
  // the variables' canonical JSON is computed once per request (and shared with the cost check)
  return createHash('sha256')
    .update(material)
    .update('\u0000')
    .update(canonicalVariables(parts.variables))
    .digest('base64url');
}

/** A successful query's `data`, shared by every response that hits it: never mutated after it is stored. */
export type CachedData = Readonly<Record<string, unknown>>;

/**
 * Whole query results in process memory, least recently used first out, within a byte budget (the
 * results' JSON size: a fair proxy for what they hold). A result larger than an eighth of the budget is
 * not kept, so one export-sized answer cannot flush every dashboard's.
 */
export class ResultCache {
  private readonly lru: LRUCache<string, CachedData>;

  constructor(readonly maxBytes: number) {
    this.lru = new LRUCache<string, CachedData>({
      maxSize: maxBytes,
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
      sizeCalculation: (data, key) => key.length + Buffer.byteLength(JSON.stringify(data)),
    });
  }

  get(key: string): CachedData | undefined {
    return this.lru.get(key);
  }

  set(key: string, data: CachedData): void {
    this.lru.set(key, data);
  }

  get entries(): number {
    return this.lru.size;
  }

  get bytes(): number {
    return this.lru.calculatedSize;
  }
}
