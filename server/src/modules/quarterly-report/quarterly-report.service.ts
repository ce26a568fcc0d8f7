import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import type { QuarterlyReportFilter } from './dto/quarterly-report-filter.input.js';

/** QuarterlyReport's field resolvers that read only the report's id (its values, revisions and history). */
export const REPORT_ID_ONLY_FIELDS = ['values', 'revisions', 'events'];

export class QuarterlyReportService extends ListService<QuarterlyReport, QuarterlyReportFilter> {
  protected readonly entity = QuarterlyReport;
  protected readonly label = { zh: '季度报表', en: 'Quarterly report' };
  protected override readonly idOnlyFields = REPORT_ID_ONLY_FIELDS;
  protected readonly sort = [
    { column: 'year', direction: 'desc' },
    { column: 'quarter', direction: 'desc' },
    { column: 'id', direction: 'asc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: QuarterlyReportFilter): void {
    applyTenantFilter(where, filter);
    where.eq('year', filter.year ?? undefined);
    where.eq('quarter', filter.quarter ?? undefined);
    where.eq('state', filter.state ?? undefined);
  }
}
