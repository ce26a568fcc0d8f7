import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid } from '../common/ids/assert-uuid.js';
import { badInputError } from '../common/errors/bad-input-error.js';
import type { TownshipScope } from './require-township.js';

/**
 * A referenced row (a deputy group, a station, a deputy) that must belong to the caller's township:
 * row-level security already hides other townships' rows, so "not found" and "foreign" look alike.
 */
export async function loadInTownship<T extends { township: { id: string } }>(
  em: EntityManager,
  entity: EntityClass<T>,
  id: string,
  scope: TownshipScope,
  field: readonly (string | number)[],
  label: { zh: string; en: string },
): Promise<T> {
  assertUuid(id, field);
  const row = (await em.findOne(entity, { id } as never)) as T | null;
  if (!row || row.township.id !== scope.townshipId) {
    throw badInputError(field, `本乡镇没有该${label.zh}：${id}`, `No such ${label.en} in your township: ${id}`);
  }
  return row;
}
