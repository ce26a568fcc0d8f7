import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists, foldableChildList, foldedChildLists, foldedListLoader } from '../../tenancy/child-lists.js';
import { nodeFieldNodes } from '../../common/pagination/selected-node-fields.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { QuarterlyReportValue } from './quarterly-report-value.entity.js';
import { REPORT_ID_ONLY_FIELDS } from './quarterly-report.service.js';

/** `QuarterlyReport.values`: read in the reports' own statement when a report read's caller selects them. */
const REPORT_VALUES = foldableChildList(QuarterlyReport, 'values', {
  entity: QuarterlyReportValue,
  parentProperty: 'report',
  orderBy: { metricKey: 'asc' },
});

export const quarterlyReportLoaders = {
  byTownship: (ctx: RequestContext, info?: GraphQLResolveInfo) =>
    childLists(
      ctx,
      QuarterlyReport,
      'township',
      { year: 'desc', quarter: 'desc' },
      info && { info, idOnlyFields: REPORT_ID_ONLY_FIELDS },
    ),
  valuesByReport: (ctx: RequestContext, info: GraphQLResolveInfo) => foldedListLoader(ctx, REPORT_VALUES, info),
  /** The child lists a connection of reports reads in its own statement, for what its nodes select. */
  foldedIntoPage: (ctx: RequestContext, info: GraphQLResolveInfo) =>
    foldedChildLists(ctx, QuarterlyReport, { fieldNodes: nodeFieldNodes(info), fragments: info.fragments }),
};
