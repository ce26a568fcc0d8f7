import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { PeriodFigure } from './period-figure.entity.js';

export const periodFigureLoaders = {
  byTownship: (ctx: RequestContext, info?: GraphQLResolveInfo) =>
    childLists(ctx, PeriodFigure, 'township', { metricKey: 'asc', year: 'asc' }, info && { info }),
};
