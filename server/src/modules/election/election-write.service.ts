import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { tenantRefs } from '../../tenancy/tenant-refs.js';
import { assertDatePrecision } from '../../common/validation/assert-date-precision.js';
import { assertRecordDate } from '../../common/validation/assert-record-date.js';
import { Election } from './election.entity.js';
import type { RecordElectionInput } from './dto/record-election.input.js';
import { electionErrors } from './election.errors.js';

/** Records the township's general elections and by-elections. */
export class ElectionWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async record(input: RecordElectionInput): Promise<Election> {
    assertRecordDate(input.heldOn, ['input', 'heldOn']);
    assertDatePrecision(input.heldOn, input.datePrecision, ['input', 'heldOn']);
    // The database checks this too (election_turnout_check); checking here names the field.
    if (input.votersVoted != null && input.registeredVoters != null && input.votersVoted > input.registeredVoters) {
      throw electionErrors.moreVotersThanRegistered(input.votersVoted, input.registeredVoters);
    }
    const election = Object.assign(new Election(), {
      ...tenantRefs(this.scope),
      kind: input.kind,
      heldOn: input.heldOn,
      datePrecision: input.datePrecision,
      registeredVoters: input.registeredVoters ?? null,
      votersVoted: input.votersVoted ?? null,
      countyDeputiesElected: input.countyDeputiesElected ?? null,
      townshipDeputiesElected: input.townshipDeputiesElected ?? null,
    });
    await this.em.persist(election).flush();
    return election;
  }
}
