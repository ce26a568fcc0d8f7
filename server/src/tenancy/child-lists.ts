import type DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { RequestContext } from './request-context.js';
import { groupBy } from '../common/pagination/group-by.js';

type RefTo = { id: string } | null;

/** The loader behind a small unpaginated child list: every parent's children in one statement. */
export function childLists<T extends object>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  parentProperty: keyof T & string,
  orderBy: Record<string, 'asc' | 'desc'>,
): DataLoader<string, T[]> {
  return ctx.loaders.lists<T>(`${entity.name}.${parentProperty}`, async (ids) => {
    const rows = await ctx.em.find(entity, { [parentProperty]: { $in: [...ids] } } as never, { orderBy } as never);
    return groupBy(rows as T[], (row) => (row[parentProperty] as RefTo)?.id ?? '');
  });
}
