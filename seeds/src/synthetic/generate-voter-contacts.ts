import type { IsoDate, SeedDeputy, SeedVoterContact } from '../seed-dataset.js';
import { addDays } from '../dates/add-days.js';
import { workingDayNear } from '../dates/national-calendar-2021.js';
import type { SeededRandom } from './seeded-random.js';
import type { SyntheticVoterContactPlan } from './synthetic-plan.js';

export interface GenerateVoterContactsInput {
  townshipKey: string;
  plan: SyntheticVoterContactPlan;
  stationKeys: readonly string[];
  deputies: readonly SeedDeputy[];
  termStartedOn: IsoDate | null;
  rng: SeededRandom;
}

const LETTER_REPLY_MAX_DAYS = 15;

/**
 * Visits and letters a report counts without dating: exactly `visits` VISIT and `letters` LETTER rows,
 * all SYNTHETIC. Letters leave room to be answered inside the window when the report says all were.
 */
export function generateVoterContacts(input: GenerateVoterContactsInput): SeedVoterContact[] {
  const { townshipKey, plan, rng } = input;
  const dutyDeputy = (on: IsoDate, stationKey: string | null): string | null => {
    if (input.termStartedOn !== null && on < input.termStartedOn) return null;
    const atStation = input.deputies.filter((d) => stationKey !== null && d.stationKey === stationKey);
    const pool = atStation.length > 0 ? atStation : input.deputies;
    return pool.length > 0 ? rng.pick(pool).key : null;
  };
  // Visits and letters are registered on working days, when the office is open.
  const visits = Array.from({ length: plan.visits }, () =>
    workingDayNear(rng.dateBetween(plan.from, plan.to), plan.to),
  ).sort();
  const letterLatest = addDays(plan.to, -LETTER_REPLY_MAX_DAYS);
  const letters = Array.from({ length: plan.letters }, () =>
    workingDayNear(rng.dateBetween(plan.from, letterLatest), letterLatest),
  ).sort();
  const contacts: SeedVoterContact[] = [];
  visits.forEach((receivedOn, i) => {
    const stationKey = input.stationKeys.length > 0 && rng.chance(0.5) ? rng.pick(input.stationKeys) : null;
    // Most visitors get their answer on the spot or within a week.
    const replied = rng.chance(0.9);
    const repliedOn = replied
      ? workingDayNear([addDays(receivedOn, rng.int(0, 7)), plan.to].sort()[0] as IsoDate, plan.to)
      : null;
    contacts.push({
      key: `${townshipKey}-visit-${String(i + 1).padStart(3, '0')}`,
      townshipKey,
      kind: 'VISIT',
      receivedOn,
      stationKey,
      deputyKey: dutyDeputy(receivedOn, stationKey),
      subject: rng.pick(plan.subjects),
      replied,
      repliedOn,
      provenance: 'SYNTHETIC',
    });
  });
  letters.forEach((receivedOn, i) => {
    const replied = plan.lettersAllReplied || rng.chance(0.8);
    contacts.push({
      key: `${townshipKey}-letter-${String(i + 1).padStart(3, '0')}`,
      townshipKey,
      kind: 'LETTER',
      receivedOn,
      stationKey: null,
      deputyKey: null,
      subject: rng.pick(plan.subjects),
      replied,
      repliedOn: replied ? workingDayNear(addDays(receivedOn, rng.int(3, LETTER_REPLY_MAX_DAYS)), plan.to) : null,
      provenance: 'SYNTHETIC',
    });
  });
  return contacts;
}
