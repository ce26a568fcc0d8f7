import type DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { RequestContext } from './request-context.js';
import { groupBy } from '../common/pagination/group-by.js';
import { findReadOnly } from '../common/entities/find-read-only.js';

type RefTo = { id: string } | null;

/** The loader behind a small unpaginated child list: every parent's children in one statement, read-only rows. */
export function childLists<T extends object>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  parentProperty: keyof T & string,
  orderBy: Record<string, 'asc' | 'desc'>,
): DataLoader<string, T[]> {
  return ctx.loaders.lists<T>(`${entity.name}.${parentProperty}`, async (ids) => {
    // Row-level security keeps a request to its county; naming it too lets Citus route the statement to
    // the county's shard rather than every shard. Only for county-scoped entities (those with a `county`).
    const countyScoped =
      ctx.identity && parentProperty !== 'county' && ctx.em.getMetadata().get(entity).properties['county' as never];
    const where = { [parentProperty]: { $in: [...ids] }, ...(countyScoped ? { county: ctx.identity!.countyId } : {}) };
    const rows = await findReadOnly(ctx.em, entity, where as never, { orderBy });
    return groupBy(rows as T[], (row) => (row[parentProperty] as RefTo)?.id ?? '');
  });
}
