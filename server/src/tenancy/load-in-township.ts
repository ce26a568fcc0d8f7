import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid } from '../common/ids/assert-uuid.js';
import type { Label } from '../common/errors/common.errors.js';
import { accessErrors } from './access.errors.js';
import type { TownshipScope } from './require-township.js';

/**
 * A referenced row (a deputy group, a station, a deputy) that must belong to the caller's township:
 * row-level security already hides other townships' rows, so "not found" and "foreign" look alike. The
 * lookup names the caller's county as well: on a Citus cluster a lookup by id alone runs on every shard,
 * so a dead worker would fail every county's writes (fault/worker-kill.citus.test.ts).
 */
export async function loadInTownship<T extends { township: { id: string } }>(
  em: EntityManager,
  entity: EntityClass<T>,
  id: string,
  scope: TownshipScope,
  field: readonly (string | number)[],
  label: Label,
): Promise<T> {
  assertUuid(id, field);
  const row = (await em.findOne(entity, { id, county: scope.countyId } as never)) as T | null;
  if (!row || row.township.id !== scope.townshipId) {
    throw accessErrors.notInTownship(field, label, id);
  }
  return row;
}
