import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { Activity } from './activity.entity.js';
import type { ActivityFilter } from './dto/activity-filter.input.js';

export class ActivityService extends ListService<Activity, ActivityFilter> {
  protected readonly entity = Activity;
  protected readonly label = { zh: '活动', en: 'Activity' };
  // ActivityResolver.participants loads by the activity's id.
  protected override readonly idOnlyFields = ['participants'];
  protected readonly sort = [
    { column: 'occurred_on', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: ActivityFilter): void {
    applyTenantFilter(where, filter);
    where.in('type', filter.types ?? undefined);
    where.gte('occurred_on', filter.from ?? undefined);
    where.lte('occurred_on', filter.to ?? undefined);
    where.eq('station_id', filter.stationId ?? undefined);
    where.eq('group_id', filter.groupId ?? undefined);
    where.eq('provenance', filter.provenance ?? undefined);
  }
}
