import { ReceptionScheduleKind } from './reception-schedule-kind.enum.js';
import type { Station } from './station.entity.js';
import { stationErrors } from './station.errors.js';

type Schedule = Pick<
  Station,
  | 'scheduleKind'
  | 'scheduleDayOfMonth'
  | 'scheduleWeekday'
  | 'scheduleWeekOfMonth'
  | 'deputiesPerReception'
  | 'deputiesPerReceptionMin'
>;
type ScheduleField = 'scheduleDayOfMonth' | 'scheduleWeekday' | 'scheduleWeekOfMonth';

/** The parts each kind of schedule uses; the others must stay empty. An unknown part may be null. */
const USES: Record<ReceptionScheduleKind | 'NONE', readonly ScheduleField[]> = {
  [ReceptionScheduleKind.MONTHLY_DAY]: ['scheduleDayOfMonth'],
  [ReceptionScheduleKind.MONTHLY_LAST_WEEKDAY]: ['scheduleWeekday'],
  [ReceptionScheduleKind.MONTHLY_NTH_WEEKDAY]: ['scheduleWeekday', 'scheduleWeekOfMonth'],
  [ReceptionScheduleKind.IRREGULAR]: [],
  NONE: [],
};

/** The next reception date is computed from these parts, so a part the kind does not use is a mistake. */
export function assertScheduleConsistent(schedule: Schedule): void {
  const kind = schedule.scheduleKind ?? 'NONE';
  for (const field of ['scheduleDayOfMonth', 'scheduleWeekday', 'scheduleWeekOfMonth'] as const) {
    if (schedule[field] !== null && !USES[kind].includes(field)) {
      throw stationErrors.scheduleFieldUnused(kind, field);
    }
  }
  const { deputiesPerReceptionMin: fewest, deputiesPerReception: most } = schedule;
  // A range needs both ends, the fewest first: "1—3名" is min 1, max 3.
  if (fewest !== null && (most === null || fewest > most)) {
    throw stationErrors.scheduleDeputiesRange(fewest, most);
  }
}
