import type { IsoDate, SeedActivity, SeedAttendance, SeedDeputy } from '../seed-dataset.js';
import { compareCodePoints } from './compare-code-points.js';
import type { SeededRandom } from './seeded-random.js';
import type { ParticipantRule } from './synthetic-plan.js';

export interface PickParticipantsInput {
  rule: ParticipantRule;
  occurredOn: IsoDate;
  /** The seeded deputies' term start: earlier activities belonged to the previous term, whose roll is not seeded. */
  termStartedOn: IsoDate | null;
  /** Deputies eligible for a SAMPLE (e.g. one station's deputies). */
  pool: readonly SeedDeputy[];
  /** All deputies of the township (ALL_TOWNSHIP_DEPUTIES takes its township-level ones). */
  deputies: readonly SeedDeputy[];
  rng: SeededRandom;
}

/** Synthetic participants for a synthetic activity, sorted by deputy key for stable output. */
export function pickParticipants(input: PickParticipantsInput): SeedActivity['participants'] {
  const { rule, rng } = input;
  if (rule === 'NONE') return [];
  if (input.termStartedOn !== null && input.occurredOn < input.termStartedOn) return [];
  const chosen =
    rule === 'ALL_TOWNSHIP_DEPUTIES'
      ? input.deputies.filter((deputy) => deputy.level === 'TOWNSHIP')
      : rng.sample(input.pool.length > 0 ? input.pool : input.deputies, rng.int(3, 8));
  return chosen
    .map((deputy) => {
      const attendance: SeedAttendance = rng.weighted([
        ['PRESENT', 93],
        ['EXCUSED', 6],
        ['ABSENT', 1],
      ]);
      return { deputyKey: deputy.key, attendance };
    })
    .sort((a, b) => compareCodePoints(a.deputyKey, b.deputyKey));
}
