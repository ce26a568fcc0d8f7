import { ListService } from '../../common/services/list-service.js';
import { applyTenantFilter } from '../../common/filters/tenant-filter.js';
import type { SqlWhere } from '../../common/sql/sql-where.js';
import { VoterContact } from './voter-contact.entity.js';
import type { VoterContactFilter } from './dto/voter-contact-filter.input.js';

export class VoterContactService extends ListService<VoterContact, VoterContactFilter> {
  protected readonly entity = VoterContact;
  protected readonly label = { zh: '群众来访来信', en: 'Voter contact' };
  protected readonly sort = [
    { column: 'received_on', direction: 'desc' },
    { column: 'id', direction: 'desc' },
  ] as const;

  protected applyFilter(where: SqlWhere, filter: VoterContactFilter): void {
    applyTenantFilter(where, filter);
    where.eq('kind', filter.kind ?? undefined);
    where.eq('replied', filter.replied ?? undefined);
    where.gte('received_on', filter.from ?? undefined);
    where.lte('received_on', filter.to ?? undefined);
  }
}
