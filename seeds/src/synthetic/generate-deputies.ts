import type { SeedDeputy, SeedGender, SeedOccupationCategory, SeedParty } from '../seed-dataset.js';
import { ChineseNameGenerator } from './chinese-name-generator.js';
import type { SeededRandom } from './seeded-random.js';
import type { DeputyCohort, StationAssignment } from './synthetic-plan.js';

/**
 * Target composition of a township's deputies (代表结构): workers and farmers 45%, officials 20%. Quotas,
 * not independent draws, so every township lands inside the usual bounds (40-50% / at most 25%).
 */
const OCCUPATION_SHARES: readonly (readonly [SeedOccupationCategory, number])[] = [
  ['FARMER', 0.3],
  ['WORKER', 0.15],
  ['OFFICIAL', 0.2],
  ['PROFESSIONAL', 0.14],
  ['ENTERPRISE', 0.15],
  ['MILITARY', 0.02],
  ['OTHER', 0.04],
];

/** Largest-remainder allocation of `total` slots by share, then shuffled. */
function occupationQuota(total: number, rng: SeededRandom): SeedOccupationCategory[] {
  const exact = OCCUPATION_SHARES.map(([category, share]) => ({ category, exact: share * total }));
  const counts = exact.map((entry) => ({ ...entry, count: Math.floor(entry.exact) }));
  let missing = total - counts.reduce((sum, entry) => sum + entry.count, 0);
  for (const entry of [...counts].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (missing <= 0) break;
    entry.count++;
    missing--;
  }
  return rng.shuffle(counts.flatMap((entry) => Array.from({ length: entry.count }, () => entry.category)));
}

function partyFor(category: SeedOccupationCategory, rng: SeededRandom): SeedParty {
  if (category === 'OFFICIAL' || category === 'MILITARY') return 'CPC';
  if ((category === 'PROFESSIONAL' || category === 'ENTERPRISE') && rng.chance(0.06)) return 'DEMOCRATIC_PARTY';
  return rng.chance(0.55) ? 'CPC' : 'NONE';
}

export interface GenerateDeputiesInput {
  townshipKey: string;
  termKey: string;
  cohorts: readonly DeputyCohort[];
  minorityEthnicities: readonly string[];
  groupKeys: readonly string[];
  stationKeys: readonly string[];
  stationAssignment: StationAssignment;
  rng: SeededRandom;
  /** Phone numbers already used anywhere in the dataset (kept unique across townships). */
  usedPhones: Set<string>;
}

/** The synthetic deputy roll of one township: every attribute is invented, the counts follow the cohorts. */
export function generateDeputies(input: GenerateDeputiesInput): SeedDeputy[] {
  const { townshipKey, termKey, cohorts, rng } = input;
  const total = cohorts.reduce((sum, cohort) => sum + cohort.count, 0);
  const occupations = occupationQuota(total, rng);
  const names = new ChineseNameGenerator(rng);
  const ethnicities: (readonly [string, number])[] = [
    ['汉族', 95],
    ...input.minorityEthnicities.map((e) => [e, 5 / input.minorityEthnicities.length] as const),
  ];
  const deputies: SeedDeputy[] = [];
  for (const cohort of cohorts) {
    for (let i = 0; i < cohort.count; i++) {
      const index = deputies.length;
      const occupation = occupations[index] ?? 'OTHER';
      const gender: SeedGender = rng.chance(0.3) ? 'FEMALE' : 'MALE';
      const groupKey = input.groupKeys.length > 0 ? (input.groupKeys[index % input.groupKeys.length] as string) : null;
      deputies.push({
        key: `${townshipKey}-deputy-${String(index + 1).padStart(3, '0')}`,
        townshipKey,
        termKey,
        name: names.next(gender),
        gender,
        birthYear: rng.int(1962, 1995),
        ethnicity: rng.weighted(ethnicities),
        party: partyFor(occupation, rng),
        occupationCategory: occupation,
        level: cohort.level,
        groupKey,
        stationKey: stationFor(index, groupKey, input),
        status: 'ACTIVE',
        electedOn: cohort.electedOn,
        byElection: cohort.byElection,
        phone: uniquePhone(rng, input.usedPhones),
        provenance: 'SYNTHETIC',
      });
    }
  }
  return deputies;
}

function stationFor(index: number, groupKey: string | null, input: GenerateDeputiesInput): string | null {
  const { stationKeys } = input;
  if (stationKeys.length === 0) return null;
  switch (input.stationAssignment) {
    case 'ROUND_ROBIN':
      return stationKeys[index % stationKeys.length] as string;
    case 'FIRST_GROUP_ONLY':
      return groupKey !== null && groupKey === input.groupKeys[0] ? (stationKeys[0] as string) : null;
    case 'NONE':
      return null;
  }
}

/** '139' + 8 digits: an obviously synthetic mobile number, unique in the dataset. */
function uniquePhone(rng: SeededRandom, used: Set<string>): string {
  for (;;) {
    const phone = `139${rng.digits(8)}`;
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}
