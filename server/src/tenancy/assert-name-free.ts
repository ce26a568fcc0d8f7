import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../common/errors/app-error.js';
import type { TownshipScope } from './require-township.js';

/**
 * Names unique per township (groups, stations) are checked before writing so the refusal can name the
 * field; the unique constraint still decides a race (CONFLICT without a field).
 */
export async function assertNameFree<T extends { id: string; name: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  scope: TownshipScope,
  name: string,
  exceptId: string | null,
  label: { zh: string; en: string },
): Promise<void> {
  const taken = (await em.findOne(entity, { township: scope.townshipId, name } as never)) as T | null;
  if (taken && taken.id !== exceptId) {
    throw new AppError({
      code: 'CONFLICT',
      messageZh: `本乡镇已有同名${label.zh}：${name}`,
      messageEn: `Your township already has a ${label.en} named ${name}`,
      field: ['input', 'name'],
    });
  }
}
