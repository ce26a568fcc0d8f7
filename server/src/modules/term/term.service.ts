import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { Term } from './term.entity.js';
import type { TermFilter } from './dto/term-filter.input.js';

export class TermService extends ListService<Term, TermFilter> {
  protected readonly entity = Term;
  protected readonly label = { zh: '届次', en: 'Term' };
  protected readonly sort = [
    { column: 'name', direction: 'asc' },
    { column: 'id', direction: 'asc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: TermFilter): void {
    applyTenantFilter(where, filter);
  }
}
