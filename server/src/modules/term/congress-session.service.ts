import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { CongressSession } from './congress-session.entity.js';
import type { CongressSessionFilter } from './dto/congress-session-filter.input.js';

export class CongressSessionService extends ListService<CongressSession, CongressSessionFilter> {
  protected readonly entity = CongressSession;
  protected readonly label = { zh: '人代会会议', en: 'Congress session' };
  protected readonly sort = [
    { column: 'session_number', direction: 'asc' },
    { column: 'id', direction: 'asc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: CongressSessionFilter): void {
    applyTenantFilter(where, filter);
    where.eq('term_id', filter.termId ?? undefined);
  }
}
