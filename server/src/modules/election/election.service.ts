import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { Election } from './election.entity.js';
import type { ElectionFilter } from './dto/election-filter.input.js';

export class ElectionService extends ListService<Election, ElectionFilter> {
  protected readonly entity = Election;
  protected readonly label = { zh: '选举', en: 'Election' };
  protected readonly sort = [
    { column: 'held_on', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: ElectionFilter): void {
    applyTenantFilter(where, filter);
    where.eq('kind', filter.kind ?? undefined);
    where.gte('held_on', filter.from ?? undefined);
    where.lte('held_on', filter.to ?? undefined);
  }
}
