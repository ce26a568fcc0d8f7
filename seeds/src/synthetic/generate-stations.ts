import type { SeedStation } from '../seed-dataset.js';
import { chineseNumeral } from './chinese-numeral.js';
import type { SeededRandom } from './seeded-random.js';
import type { SyntheticStationPlan } from './synthetic-plan.js';

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];

/** Synthetic stations with generic ordinal names and a seeded monthly schedule. */
export function generateStations(townshipKey: string, plan: SyntheticStationPlan, rng: SeededRandom): SeedStation[] {
  return Array.from({ length: plan.count }, (_, i) => {
    const n = i + 1;
    const monthlyDay = plan.schedule === 'MONTHLY_DAY_10_OR_20';
    const day = monthlyDay ? (rng.chance(0.5) ? 10 : 20) : null;
    const week = monthlyDay ? null : rng.int(1, 4);
    const weekday = monthlyDay ? null : rng.int(1, 5);
    return {
      key: `${townshipKey}-station-${n}`,
      townshipKey,
      name: `${plan.namePrefix}第${chineseNumeral(n)}${plan.nameSuffix}`,
      kind: plan.kind,
      village: null,
      address: null,
      openedOn: null,
      receptionSchedule:
        day !== null
          ? `每月${day}日`
          : `每月第${chineseNumeral(week ?? 1)}周星期${WEEKDAY_NAMES[(weekday ?? 1) - 1] as string}上午`,
      scheduleKind: monthlyDay ? 'MONTHLY_DAY' : 'MONTHLY_NTH_WEEKDAY',
      scheduleDayOfMonth: day,
      scheduleWeekday: weekday,
      scheduleWeekOfMonth: week,
      deputiesPerReception: plan.deputiesPerReception,
      deputiesPerReceptionMin: null,
      provenance: 'SYNTHETIC',
    };
  });
}
