import { ListService } from '../../common/services/list-service.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { AuditLogEntry } from './audit-log-entry.entity.js';
import type { AuditLogFilter } from './dto/audit-log-filter.input.js';

/** Newest first. Row-level security limits it to the admin's county or the clerk's township. */
export class AuditLogService extends ListService<AuditLogEntry, AuditLogFilter> {
  protected readonly entity = AuditLogEntry;
  protected readonly label = { zh: '审计日志', en: 'Audit log entry' };
  protected readonly sort = [{ column: 'id', direction: 'desc' }] as const;

  protected applyFilter(where: SqlWhere, filter: AuditLogFilter): void {
    where.eq('township_id', filter.townshipId ?? undefined);
    where.eq('table_name', filter.tableName ?? undefined);
    where.eq('row_id', filter.rowId ?? undefined);
    where.eq('user_id', filter.userId ?? undefined);
    where.eq('action', filter.action ?? undefined);
    where.gte('occurred_at', filter.from ?? undefined);
    where.lte('occurred_at', filter.to ?? undefined);
  }
}
