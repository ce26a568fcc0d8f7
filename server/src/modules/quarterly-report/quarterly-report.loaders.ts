import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { QuarterlyReportValue } from './quarterly-report-value.entity.js';
import { REPORT_ID_ONLY_FIELDS } from './quarterly-report.service.js';

export const quarterlyReportLoaders = {
  byTownship: (ctx: RequestContext, info?: GraphQLResolveInfo) =>
    childLists(
      ctx,
      QuarterlyReport,
      'township',
      { year: 'desc', quarter: 'desc' },
      info && { info, idOnlyFields: REPORT_ID_ONLY_FIELDS },
    ),
  valuesByReport: (ctx: RequestContext, info?: GraphQLResolveInfo) =>
    childLists(ctx, QuarterlyReportValue, 'report', { metricKey: 'asc' }, info && { info }),
};
