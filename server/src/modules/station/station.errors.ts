import type { FieldPath } from '../../common/errors/app-error.js';
import { badInput, defineError } from '../../common/errors/define-error.js';
import { retiredContent, type RetirableRow } from '../../common/validation/assert-not-retired.js';
import { nameTakenContent } from '../../tenancy/assert-name-free.js';

const STATION = { zh: '代表联络站', en: 'station' };

export const stationErrors = {
  nameTaken: defineError('STATION_NAME_TAKEN', (name: string) => nameTakenContent(STATION, name)),
  /** Something new dated after the station closed (an activity, a voter contact, a deputy assigned). */
  retired: defineError('STATION_RETIRED', (row: RetirableRow, field: FieldPath) => retiredContent(STATION, row, field)),
  alreadyRetired: defineError('STATION_ALREADY_RETIRED', (station: RetirableRow) => ({
    code: 'CONFLICT',
    messageZh: `代表联络站“${station.name}”已于 ${station.retiredOn} 撤销`,
    messageEn: `The station "${station.name}" was already retired on ${station.retiredOn}`,
    field: ['id'],
  })),
  recordsAfterRetirement: defineError('STATION_HAS_LATER_RECORDS', (on: string, later: number) =>
    badInput(
      ['on'],
      `该站在 ${on} 之后仍有 ${later} 条活动或来访来信记录`,
      `The station has ${later} activities or voter contacts after ${on}`,
    ),
  ),
  scheduleFieldUnused: defineError('STATION_SCHEDULE_FIELD_UNUSED', (kind: string, field: string) =>
    badInput(
      ['input', field],
      `接待日类型 ${kind} 不使用 ${field}`,
      `A reception schedule of kind ${kind} has no ${field}`,
    ),
  ),
  scheduleDeputiesRange: defineError('STATION_SCHEDULE_DEPUTIES_RANGE', (fewest: number, most: number | null) =>
    badInput(
      ['input', 'deputiesPerReceptionMin'],
      `每次接待的最少代表数（${fewest}）须不大于最多代表数（${most ?? '未填'}）`,
      `deputiesPerReceptionMin (${fewest}) needs deputiesPerReception at least as large (${most ?? 'missing'})`,
    ),
  ),
};
