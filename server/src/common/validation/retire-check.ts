import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A child domain's say in retiring its parent (a station, a deputy group, a deputy): how many of its rows
 * for that parent are dated after the retirement date. The parent exports an empty list of these and
 * the child pushes its check into it, so the parent asks about children it never imports.
 */
export interface RetireCheck {
  /** The rows it counts ('activity', 'voterContact'): names the check in tests. */
  readonly child: string;
  /** `countyId` is the parent's county: a join names it so a Citus cluster routes it to one shard group. */
  countAfter(em: EntityManager, parentId: string, on: string, countyId: string): Promise<number>;
}

/** Every registered check's count, summed; one statement per check, run one after another on `em`. */
export async function countRecordsAfter(
  checks: readonly RetireCheck[],
  em: EntityManager,
  parentId: string,
  on: string,
  countyId: string,
): Promise<number> {
  let later = 0;
  for (const check of checks) later += await check.countAfter(em, parentId, on, countyId);
  return later;
}
