import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { Station } from './station.entity.js';
import type { StationFilter } from './dto/station-filter.input.js';

export class StationService extends ListService<Station, StationFilter> {
  protected readonly entity = Station;
  protected readonly label = { zh: '代表联络站', en: 'Station' };
  protected readonly sort = [
    { column: 'name', direction: 'asc' },
    { column: 'id', direction: 'asc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: StationFilter): void {
    applyTenantFilter(where, filter);
    where.eq('kind', filter.kind ?? undefined);
  }
}
