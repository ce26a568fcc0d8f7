import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { tenantRefs } from '../../tenancy/tenant-refs.js';
import { assignGiven } from '../../common/entities/assign-given.js';
import { assertNameFree } from '../../tenancy/assert-name-free.js';
import { assertNotBefore, assertRecordDate } from '../../common/validation/assert-record-date.js';
import { countRecordsAfter } from '../../common/validation/retire-check.js';
import { Station } from './station.entity.js';
import { StationService } from './station.service.js';
import { assertScheduleConsistent } from './assert-schedule-consistent.js';
import { stationRetireChecks } from './station.retire-checks.js';
import type { CreateStationInput } from './dto/create-station.input.js';
import type { UpdateStationInput } from './dto/update-station.input.js';
import { stationErrors } from './station.errors.js';

const FIELDS = [
  'kind',
  'village',
  'address',
  'openedOn',
  'receptionSchedule',
  'scheduleKind',
  'scheduleDayOfMonth',
  'scheduleWeekday',
  'scheduleWeekOfMonth',
  'deputiesPerReception',
  'deputiesPerReceptionMin',
] as const;

/** Creates, corrects and closes the liaison and activity stations of the clerk's township. */
export class StationWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async create(input: CreateStationInput): Promise<Station> {
    if (input.openedOn != null) assertRecordDate(input.openedOn, ['input', 'openedOn']);
    const station = Object.assign(new Station(), { ...tenantRefs(this.scope), name: input.name });
    assignGiven(station, input, FIELDS);
    assertScheduleConsistent(station);
    await assertNameFree(this.em, Station, this.scope, input.name, null, stationErrors.nameTaken);
    await this.em.persist(station).flush();
    return station;
  }

  /** The schedule is checked as it will be stored, the given parts merged with the kept ones. */
  async update(id: string, input: UpdateStationInput): Promise<Station> {
    const station = await new StationService(this.em).findById(id, this.scope.countyId);
    if (input.openedOn != null) {
      assertRecordDate(input.openedOn, ['input', 'openedOn']);
      if (station.retiredOn !== null) {
        assertNotBefore(station.retiredOn, input.openedOn, ['input', 'openedOn'], {
          zh: `撤销日期（${station.retiredOn}）`,
          en: `The retirement date (${station.retiredOn})`,
        });
      }
    }
    if (input.name !== undefined)
      await assertNameFree(this.em, Station, this.scope, input.name, station.id, stationErrors.nameTaken);
    const schedule = {
      scheduleKind: input.scheduleKind !== undefined ? input.scheduleKind : station.scheduleKind,
      scheduleDayOfMonth:
        input.scheduleDayOfMonth !== undefined ? input.scheduleDayOfMonth : station.scheduleDayOfMonth,
      scheduleWeekday: input.scheduleWeekday !== undefined ? input.scheduleWeekday : station.scheduleWeekday,
      scheduleWeekOfMonth:
        input.scheduleWeekOfMonth !== undefined ? input.scheduleWeekOfMonth : station.scheduleWeekOfMonth,
      deputiesPerReception:
        input.deputiesPerReception !== undefined ? input.deputiesPerReception : station.deputiesPerReception,
      deputiesPerReceptionMin:
        input.deputiesPerReceptionMin !== undefined ? input.deputiesPerReceptionMin : station.deputiesPerReceptionMin,
    };
    assertScheduleConsistent(schedule);
    assignGiven(station, input, ['name', ...FIELDS]);
    await this.em.flush();
    return station;
  }

  /** 撤销: the station keeps its history; no activity or voter contact may be dated after it closed. */
  async retire(id: string, on: string): Promise<Station> {
    assertRecordDate(on, ['on']);
    const station = await new StationService(this.em).findById(id, this.scope.countyId);
    if (station.retiredOn !== null) {
      throw stationErrors.alreadyRetired(station);
    }
    if (station.openedOn !== null)
      assertNotBefore(on, station.openedOn, ['on'], { zh: '撤销日期', en: 'The retirement date' });
    const later = await countRecordsAfter(stationRetireChecks, this.em, station.id, on, station.county.id);
    if (later > 0) {
      throw stationErrors.recordsAfterRetirement(on, later);
    }
    station.retiredOn = on;
    await this.em.flush();
    return station;
  }
}
