import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import type { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { byColumn, nestedPages } from '../../tenancy/nested-pages.js';
import { DeputyService } from './deputy.service.js';
import type { DeputyFilter } from './dto/deputy-filter.input.js';

export const deputyLoaders = {
  pagesByTownship: (
    ctx: RequestContext,
    filter: DeputyFilter | null,
    args: ConnectionArgs,
    info?: GraphQLResolveInfo,
  ) => nestedPages(ctx, 'deputy.township', new DeputyService(ctx.em), byColumn('township_id'), filter, args, info),
  pagesByGroup: (ctx: RequestContext, filter: DeputyFilter | null, args: ConnectionArgs) =>
    nestedPages(ctx, 'deputy.group', new DeputyService(ctx.em), byColumn('group_id'), filter, args),
  pagesByStation: (ctx: RequestContext, filter: DeputyFilter | null, args: ConnectionArgs) =>
    nestedPages(ctx, 'deputy.station', new DeputyService(ctx.em), byColumn('station_id'), filter, args),
  /** The lazy PII column, read only when an authorised role asks for it. */
  phoneById: (ctx: RequestContext) =>
    ctx.loaders.custom<string | null>('deputy.phone', async (ids) => {
      const rows = await ctx.em.execute<{ id: string; phone: string | null }[]>(
        `select id, phone from deputy where id in (${ids.map(() => '?').join(', ')})`,
        [...ids],
      );
      const phones = new Map(rows.map((row) => [row.id, row.phone]));
      return ids.map((id) => phones.get(id) ?? null);
    }),
};
