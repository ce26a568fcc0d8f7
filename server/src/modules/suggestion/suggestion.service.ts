import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { Suggestion } from './suggestion.entity.js';
import type { SuggestionFilter } from './dto/suggestion-filter.input.js';

export class SuggestionService extends ListService<Suggestion, SuggestionFilter> {
  protected readonly entity = Suggestion;
  protected readonly label = { zh: '代表建议', en: 'Suggestion' };
  protected readonly sort = [
    { column: 'submitted_on', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: SuggestionFilter): void {
    applyTenantFilter(where, filter);
    where.in('state', filter.states ?? undefined);
    where.eq('kind', filter.kind ?? undefined);
    where.eq('category', filter.category ?? undefined);
    where.eq('outcome_class', filter.outcomeClass ?? undefined);
    where.gte('submitted_on', filter.from ?? undefined);
    where.lte('submitted_on', filter.to ?? undefined);
    if (filter.overdueAsOf) {
      // Overdue: assigned with a deadline that has passed, and not yet replied to.
      where.raw(`${where.column('deadline')} < ?`, filter.overdueAsOf).in('state', ['ASSIGNED', 'IN_PROGRESS']);
    }
  }
}
