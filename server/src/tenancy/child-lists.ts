import type DataLoader from 'dataloader';
import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from './request-context.js';
import { groupBy } from '../common/pagination/group-by.js';
import { findReadOnly } from '../common/entities/find-read-only.js';
import { propsForFields } from '../common/entities/selected-props.js';
import { selectedFields } from '../common/pagination/selected-node-fields.js';

type RefTo = { id: string } | null;

/**
 * What a list field's caller selected on its rows, so the read selects only the columns those fields need
 * (`propsForFields`); `idOnlyFields` names the row type's field resolvers that read nothing but its id.
 */
export interface ListSelection {
  info: GraphQLResolveInfo;
  idOnlyFields?: readonly string[];
}

/**
 * The loader behind a small unpaginated child list: every parent's children in one statement, read-only rows.
 * With a `selection`, only the selected fields' columns (and the parent's and the order's) are read; parents
 * selecting the same fields share the statement, the selection being part of the loader's key.
 */
export function childLists<T extends object>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  parentProperty: keyof T & string,
  orderBy: Record<string, 'asc' | 'desc'>,
  selection?: ListSelection,
): DataLoader<string, T[]> {
  const meta = ctx.em.getMetadata().get(entity) as EntityMetadata;
  const selected = selection
    ? propsForFields(meta, selectedFields(selection.info), selection.idOnlyFields ?? [])
    : null;
  const props = selected ? [...new Set([...selected, parentProperty, ...Object.keys(orderBy)])].sort() : null;
  const key = `${entity.name}.${parentProperty}${props ? `:${props.join(',')}` : ''}`;
  return ctx.loaders.lists<T>(key, async (ids) => {
    // Row-level security keeps a request to its county; naming it too lets Citus route the statement to
    // the county's shard rather than every shard. Only for county-scoped entities (those with a `county`).
    const countyScoped = ctx.identity && parentProperty !== 'county' && meta.properties['county' as never];
    const where = { [parentProperty]: { $in: [...ids] }, ...(countyScoped ? { county: ctx.identity!.countyId } : {}) };
    const rows = await findReadOnly(ctx.em, entity, where as never, { orderBy, props });
    return groupBy(rows as T[], (row) => (row[parentProperty] as RefTo)?.id ?? '');
  });
}
