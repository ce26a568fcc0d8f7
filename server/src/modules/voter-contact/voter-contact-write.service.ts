import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { tenantRefs } from '../../tenancy/tenant-refs.js';
import { loadInTownship } from '../../tenancy/load-in-township.js';
import { assertNotBefore, assertRecordDate } from '../../common/validation/assert-record-date.js';
import { assertNotRetired } from '../../common/validation/assert-not-retired.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { assertDeputyServing } from '../deputy/assert-deputy-serving.js';
import { Station } from '../station/station.entity.js';
import { VoterContact } from './voter-contact.entity.js';
import { VoterContactService } from './voter-contact.service.js';
import type { RecordVoterContactInput } from './dto/record-voter-contact.input.js';
import { stationErrors } from '../station/station.errors.js';
import { voterContactErrors } from './voter-contact.errors.js';

const STATION = { zh: '代表联络站', en: 'station' };
const REPLY = { zh: '答复日期', en: 'The reply date' };

/** Records voters' visits and letters and their replies. */
export class VoterContactWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async record(input: RecordVoterContactInput): Promise<VoterContact> {
    const on = input.receivedOn;
    assertRecordDate(on, ['input', 'receivedOn']);
    if (input.repliedOn != null) {
      assertRecordDate(input.repliedOn, ['input', 'repliedOn']);
      assertNotBefore(input.repliedOn, on, ['input', 'repliedOn'], REPLY);
    }
    let station: Station | null = null;
    if (input.stationId != null) {
      station = await loadInTownship(this.em, Station, input.stationId, this.scope, ['input', 'stationId'], STATION);
      assertNotRetired(station, on, ['input', 'stationId'], stationErrors.retired);
    }
    let deputy: Deputy | null = null;
    if (input.deputyId != null) {
      deputy = await loadInTownship(this.em, Deputy, input.deputyId, this.scope, ['input', 'deputyId'], {
        zh: '代表',
        en: 'deputy',
      });
      assertDeputyServing(deputy, on, ['input', 'deputyId']);
    }
    const contact = Object.assign(new VoterContact(), {
      ...tenantRefs(this.scope),
      kind: input.kind,
      receivedOn: on,
      subject: input.subject,
      station: station ? ref(station) : null,
      deputy: deputy ? ref(deputy) : null,
      replied: input.repliedOn != null,
      repliedOn: input.repliedOn ?? null,
    });
    await this.em.persist(contact).flush();
    return contact;
  }

  /** A contact is answered once; a second reply is a conflict, not a silent overwrite. */
  async reply(id: string, repliedOn: string): Promise<VoterContact> {
    assertRecordDate(repliedOn, ['repliedOn']);
    const contact = await new VoterContactService(this.em).findById(id, this.scope.countyId);
    if (contact.replied) {
      throw voterContactErrors.alreadyAnswered(contact.repliedOn);
    }
    assertNotBefore(repliedOn, contact.receivedOn, ['repliedOn'], REPLY);
    contact.replied = true;
    contact.repliedOn = repliedOn;
    await this.em.flush();
    return contact;
  }
}
