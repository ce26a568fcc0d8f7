import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { assertRecordDate } from '../../common/validation/assert-record-date.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import type { SetRecordCoverageInput } from './dto/set-record-coverage.input.js';
import { RecordCoverage } from './record-coverage.entity.js';
import { townshipErrors } from '../township/township.errors.js';
import { recordCoverageErrors } from './record-coverage.errors.js';

/** Sets and lists from when a township's records of each kind are complete. */
export class RecordCoverageService {
  constructor(private readonly em: EntityManager) {}

  /**
   * A clerk sets its own township's coverage; a county admin any township of the county. The date is a
   * real day between 1949-10-01 and today: a coverage "from next month" would declare future quarters
   * complete before anything could be recorded in them.
   */
  async set(identity: Identity, input: SetRecordCoverageInput): Promise<RecordCoverage[]> {
    const townshipId = input.townshipId ?? identity.townshipId;
    if (!townshipId) {
      throw recordCoverageErrors.townshipRequired();
    }
    assertUuid(townshipId, ['input', 'townshipId']);
    // A clerk naming another township gets NOT_FOUND, as for any other township's row.
    const ownOnly = identity.role === UserRole.TOWNSHIP_CLERK && townshipId !== identity.townshipId;
    const township = ownOnly ? null : await this.em.findOne(Township, { id: townshipId, county: identity.countyId });
    if (!township) throw townshipErrors.notFound(townshipId, ['input', 'townshipId']);
    // Omitted is not "remove": removing coverage makes figures unknown, so it must be said with null.
    if (input.recordedSince === undefined) {
      throw recordCoverageErrors.dateRequired();
    }
    if (input.recordedSince !== null) assertRecordDate(input.recordedSince, ['input', 'recordedSince']);

    const existing = await this.em.findOne(RecordCoverage, { township: townshipId, recordKind: input.recordKind });
    if (input.recordedSince === null) {
      if (existing) await this.em.remove(existing).flush();
    } else {
      const row =
        existing ??
        Object.assign(new RecordCoverage(), {
          township: ref(Township, townshipId),
          county: ref(County, identity.countyId),
          recordKind: input.recordKind,
        });
      row.recordedSince = input.recordedSince;
      // Set by a person on the platform, not taken from a report.
      row.provenance = Provenance.RECORDED;
      await this.em.persist(row).flush();
    }
    return this.em.find(RecordCoverage, { township: townshipId }, { orderBy: { recordKind: 'asc' } });
  }
}
