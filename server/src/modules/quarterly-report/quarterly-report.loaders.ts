import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { QuarterlyReportValue } from './quarterly-report-value.entity.js';

export const quarterlyReportLoaders = {
  byTownship: (ctx: RequestContext) => childLists(ctx, QuarterlyReport, 'township', { year: 'desc', quarter: 'desc' }),
  valuesByReport: (ctx: RequestContext) => childLists(ctx, QuarterlyReportValue, 'report', { metricKey: 'asc' }),
};
