import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { tenantRefs } from '../../tenancy/tenant-refs.js';
import { assignGiven } from '../../common/entities/assign-given.js';
import { loadInTownship } from '../../tenancy/load-in-township.js';
import { assertNotBefore, assertRecordDate } from '../../common/validation/assert-record-date.js';
import { assertNotRetired } from '../../common/validation/assert-not-retired.js';
import { chinaToday } from '../../common/validation/china-today.js';
import { countRecordsAfter } from '../../common/validation/retire-check.js';
import { Term } from '../term/term.entity.js';
import { DeputyGroup } from '../deputy-group/deputy-group.entity.js';
import { Station } from '../station/station.entity.js';
import { Deputy } from './deputy.entity.js';
import { DeputyStatus } from './deputy-status.enum.js';
import { DeputyService } from './deputy.service.js';
import { deputyRetireChecks } from './deputy.retire-checks.js';
import type { CreateDeputyInput } from './dto/create-deputy.input.js';
import type { UpdateDeputyInput } from './dto/update-deputy.input.js';
import { deputyErrors } from './deputy.errors.js';
import { deputyGroupErrors } from '../deputy-group/deputy-group.errors.js';
import { stationErrors } from '../station/station.errors.js';

const EARLIEST_BIRTH_YEAR = 1900;
const GROUP = { zh: '代表小组', en: 'deputy group' };
const STATION = { zh: '代表联络站', en: 'station' };

/** Creates, corrects and retires the deputies of the clerk's township. */
export class DeputyWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async create(input: CreateDeputyInput): Promise<Deputy> {
    const deputy = await this.prepare(input);
    await this.em.persist(deputy).flush();
    return deputy;
  }

  /**
   * The deputy `create` would store, every check passed, not yet persisted: an import of a roster
   * persists many and flushes them together (one multi-row INSERT instead of one flush per deputy).
   */
  async prepare(input: CreateDeputyInput): Promise<Deputy> {
    this.checkDates(input);
    const term = await this.term(input.termId);
    const group = input.groupId != null ? await this.group(input.groupId) : null;
    const station = input.stationId != null ? await this.station(input.stationId) : null;
    const deputy = Object.assign(new Deputy(), {
      ...tenantRefs(this.scope),
      term: ref(term),
      group: group ? ref(group) : null,
      station: station ? ref(station) : null,
      name: input.name,
      gender: input.gender,
      birthYear: input.birthYear ?? null,
      ethnicity: input.ethnicity ?? null,
      party: input.party ?? null,
      occupationCategory: input.occupationCategory ?? null,
      level: input.level,
      electedOn: input.electedOn ?? null,
      byElection: input.byElection,
      phone: input.contactPhone ?? null,
    });
    return deputy;
  }

  /** Only what the input carries changes; a group or station newly assigned must still be in service. */
  async update(id: string, input: UpdateDeputyInput): Promise<Deputy> {
    const deputy = await new DeputyService(this.em).findById(id, this.scope.countyId);
    this.checkDates(input);
    const electedOn = input.electedOn !== undefined ? input.electedOn : deputy.electedOn;
    if (electedOn && deputy.statusChangedOn) {
      assertNotBefore(deputy.statusChangedOn, electedOn, ['input', 'electedOn'], {
        zh: `离任日期（${deputy.statusChangedOn}）`,
        en: `The date of leaving (${deputy.statusChangedOn})`,
      });
    }
    if (input.termId !== undefined) deputy.term = ref(await this.term(input.termId));
    if (input.groupId !== undefined && input.groupId !== deputy.group?.id) {
      deputy.group = input.groupId === null ? null : ref(await this.group(input.groupId));
    }
    if (input.stationId !== undefined && input.stationId !== deputy.station?.id) {
      deputy.station = input.stationId === null ? null : ref(await this.station(input.stationId));
    }
    if (input.contactPhone !== undefined) {
      // The phone column is lazy: load it first so that clearing it is seen as a change.
      await this.em.populate(deputy, ['phone']);
      deputy.phone = input.contactPhone;
    }
    assignGiven(deputy, input, [
      'name',
      'gender',
      'birthYear',
      'ethnicity',
      'party',
      'occupationCategory',
      'level',
      'electedOn',
      'byElection',
    ]);
    await this.em.flush();
    return deputy;
  }

  /** 辞职、罢免、去世: the deputy stays on record with the status and the date of leaving. */
  async retire(id: string, status: DeputyStatus, on: string): Promise<Deputy> {
    if (status === DeputyStatus.ACTIVE) {
      throw deputyErrors.retireStatusActive();
    }
    assertRecordDate(on, ['on']);
    const deputy = await new DeputyService(this.em).findById(id, this.scope.countyId);
    if (deputy.status !== DeputyStatus.ACTIVE) {
      throw deputyErrors.alreadyLeftOffice(deputy);
    }
    if (deputy.electedOn) assertNotBefore(on, deputy.electedOn, ['on'], { zh: '离任日期', en: 'The date of leaving' });
    const later = await countRecordsAfter(deputyRetireChecks, this.em, deputy.id, on, deputy.county.id);
    if (later > 0) {
      throw deputyErrors.recordsAfterLeaving(on, later);
    }
    deputy.status = status;
    deputy.statusChangedOn = on;
    await this.em.flush();
    return deputy;
  }

  private checkDates(input: { birthYear?: number | null; electedOn?: string | null }): void {
    const thisYear = Number(chinaToday().slice(0, 4));
    if (input.birthYear != null && (input.birthYear < EARLIEST_BIRTH_YEAR || input.birthYear > thisYear)) {
      throw deputyErrors.birthYearOutOfRange(EARLIEST_BIRTH_YEAR, thisYear);
    }
    if (input.electedOn != null) assertRecordDate(input.electedOn, ['input', 'electedOn']);
  }

  private term(id: string): Promise<Term> {
    return loadInTownship(this.em, Term, id, this.scope, ['input', 'termId'], { zh: '届次', en: 'term' });
  }

  private async group(id: string): Promise<DeputyGroup> {
    const group = await loadInTownship(this.em, DeputyGroup, id, this.scope, ['input', 'groupId'], GROUP);
    assertNotRetired(group, null, ['input', 'groupId'], deputyGroupErrors.retired);
    return group;
  }

  private async station(id: string): Promise<Station> {
    const station = await loadInTownship(this.em, Station, id, this.scope, ['input', 'stationId'], STATION);
    assertNotRetired(station, null, ['input', 'stationId'], stationErrors.retired);
    return station;
  }
}
