import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { PeriodFigure } from './period-figure.entity.js';
import type { PeriodFigureFilter } from './dto/period-figure-filter.input.js';

export class PeriodFigureService extends ListService<PeriodFigure, PeriodFigureFilter> {
  protected readonly entity = PeriodFigure;
  protected readonly label = { zh: '统计数字', en: 'Figure' };
  protected readonly sort = [
    { column: 'metric_key', direction: 'asc' },
    { column: 'id', direction: 'asc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: PeriodFigureFilter): void {
    applyTenantFilter(where, filter);
    where.eq('metric_key', filter.metricKey ?? undefined);
    where.eq('period_kind', filter.periodKind ?? undefined);
    where.eq('year', filter.year ?? undefined);
  }
}
