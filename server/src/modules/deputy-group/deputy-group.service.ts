import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { DeputyGroup } from './deputy-group.entity.js';
import type { DeputyGroupFilter } from './dto/deputy-group-filter.input.js';

export class DeputyGroupService extends ListService<DeputyGroup, DeputyGroupFilter> {
  protected readonly entity = DeputyGroup;
  protected readonly label = { zh: '代表小组', en: 'Deputy group' };
  protected readonly sort = [
    { column: 'name', direction: 'asc' },
    { column: 'id', direction: 'asc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: DeputyGroupFilter): void {
    applyTenantFilter(where, filter);
  }
}
