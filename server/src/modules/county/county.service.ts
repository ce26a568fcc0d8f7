import { ListService } from '../../common/services/list-service.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { County } from './county.entity.js';
import type { CountyFilter } from './dto/county-filter.input.js';

export class CountyService extends ListService<County, CountyFilter> {
  protected readonly entity = County;
  protected readonly label = { zh: '县', en: 'County' };
  protected readonly sort = [
    { column: 'code', direction: 'asc' },
    { column: 'id', direction: 'asc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: CountyFilter): void {
    where.eq('code', filter.code ?? undefined);
    where.gte('updated_at', filter.updatedSince ?? undefined);
  }
}
