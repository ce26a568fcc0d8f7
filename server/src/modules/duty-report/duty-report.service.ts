import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { DutyReport } from './duty-report.entity.js';
import type { DutyReportFilter } from './dto/duty-report-filter.input.js';

/** Duty reports, newest first: a clerk sees its township's, a deputy its own (row-level security). */
export class DutyReportService extends ListService<DutyReport, DutyReportFilter> {
  protected readonly entity = DutyReport;
  protected readonly label = { zh: '履职报告', en: 'Duty report' };
  protected readonly sort = [
    { column: 'created_at', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: DutyReportFilter): void {
    applyTenantFilter(where, filter);
    where.in('state', filter.states ?? undefined);
  }
}
