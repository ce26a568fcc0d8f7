import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import { escapeLike } from '../../common/sql/escape-like.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { commonErrors } from '../../common/errors/common.errors.js';
import { findReadOnlyRows } from '../../common/entities/find-read-only.js';
import { Deputy } from './deputy.entity.js';
import type { DeputyFilter } from './dto/deputy-filter.input.js';

export class DeputyService extends ListService<Deputy, DeputyFilter> {
  protected readonly entity = Deputy;
  protected readonly label = { zh: '代表', en: 'Deputy' };
  // Each loads by the deputy's id: contactPhone (DeputyResolver), activities and suggestions (their modules).
  protected override readonly idOnlyFields = ['activities', 'suggestions', 'contactPhone'];
  protected readonly sort = [
    { column: 'name', direction: 'asc' },
    { column: 'id', direction: 'asc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: DeputyFilter): void {
    applyTenantFilter(where, filter);
    where.eq('level', filter.level ?? undefined);
    where.eq('status', filter.status ?? undefined);
    where.eq('term_id', filter.termId ?? undefined);
    where.eq('group_id', filter.groupId ?? undefined);
    where.eq('station_id', filter.stationId ?? undefined);
    if (filter.nameContains) where.raw(`${where.column('name')} like ?`, `%${escapeLike(filter.nameContains)}%`);
  }

  /** The deputy and its phone in one statement, for a caller entitled to the phone (never an analyst). */
  async readByIdWithPhone(id: string, countyId?: string): Promise<{ deputy: Deputy; phone: string | null }> {
    assertUuid(id, ['id']);
    const where = countyId ? { id, county: countyId } : { id };
    const [found] = await findReadOnlyRows(this.em, Deputy, where, { lazy: ['phone'] });
    if (!found) throw commonErrors.notFound(this.label, id);
    return { deputy: found.entity, phone: (found.row['phone'] as string | null | undefined) ?? null };
  }
}
