import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from './request-context.js';
import type { ConnectionArgs } from '../common/pagination/connection-args.js';
import type { Partition } from '../common/pagination/fetch-pages.js';
import type { Page } from '../common/pagination/page-request.js';
import type { ListService } from '../common/services/list-service.js';

/** The loader behind a nested connection field: all parents' pages in one statement per tick. */
export function nestedPages<T extends object, F>(
  ctx: RequestContext,
  name: string,
  service: ListService<T, F>,
  partitionOf: (parentIds: readonly string[]) => Partition,
  filter: F | null | undefined,
  args: ConnectionArgs,
  info?: GraphQLResolveInfo,
): DataLoader<string, Page<T>> {
  // Parents selecting the same fields share one statement; the selection is part of the batch key.
  const props = info ? service.propsFor(info) : null;
  const key = `${name}:${JSON.stringify([filter ?? null, args.first, args.after ?? null, props])}`;
  return ctx.loaders.pages<T>(
    key,
    (ids) => service.pages(filter, args, { ...partitionOf(ids), countyId: ctx.identity?.countyId }, props),
    args.after ?? null,
  );
}

export function byColumn(column: string): (parentIds: readonly string[]) => Partition {
  return (parentIds) => ({ kind: 'column', column, parentIds });
}
