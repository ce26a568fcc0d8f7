import { ListService } from '../../common/services/list-service.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { Township } from './township.entity.js';
import type { TownshipFilter } from './dto/township-filter.input.js';

export class TownshipService extends ListService<Township, TownshipFilter> {
  protected readonly entity = Township;
  protected readonly label = { zh: '乡镇', en: 'Township' };
  protected readonly sort = [
    { column: 'code', direction: 'asc' },
    { column: 'id', direction: 'asc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: TownshipFilter): void {
    where.eq('county_id', filter.countyId ?? undefined);
    where.in('id', filter.ids ?? undefined);
    where.eq('code', filter.code ?? undefined);
    where.gte('updated_at', filter.updatedSince ?? undefined);
  }
}
