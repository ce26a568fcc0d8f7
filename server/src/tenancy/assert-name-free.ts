import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppError } from '../common/errors/app-error.js';
import type { ErrorContent } from '../common/errors/define-error.js';
import type { Label } from '../common/errors/common.errors.js';
import type { TownshipScope } from './require-township.js';

/** The wording of a "name taken" refusal, for the catalogue entry of each kind of named row. */
export function nameTakenContent(label: Label, name: string): ErrorContent {
  return {
    code: 'CONFLICT',
    messageZh: `本乡镇已有同名${label.zh}：${name}`,
    messageEn: `Your township already has a ${label.en} named ${name}`,
    field: ['input', 'name'],
  };
}

/**
 * Names unique per township (groups, stations) are checked before writing so the refusal can name the
 * field; the unique constraint still decides a race (CONFLICT without a field). `taken` is the row's
 * catalogue entry (STATION_NAME_TAKEN, DEPUTY_GROUP_NAME_TAKEN).
 */
export async function assertNameFree<T extends { id: string; name: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  scope: TownshipScope,
  name: string,
  exceptId: string | null,
  taken: (name: string) => AppError,
): Promise<void> {
  const found = (await em.findOne(entity, { township: scope.townshipId, name } as never)) as T | null;
  if (found && found.id !== exceptId) throw taken(name);
}
