import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import { enumOrder } from '../../graphql/enum-order';
import { DeputyLevel, Gender, OccupationCategory } from '../../graphql/generated/schema-enums';
import { AGE_BANDS, ageBand, type AgeBand } from '../../utils/age-band';

export interface DeputyForComposition {
  level: DeputyLevel;
  gender: Gender;
  occupationCategory: OccupationCategory | null;
  birthYear: number | null;
}

/** One bar of a composition chart; `share` is count / total (0 when there is nobody). */
export interface CompositionCount<K extends string> {
  key: K;
  count: number;
  share: number;
}

export interface DeputyComposition {
  total: number;
  level: CompositionCount<DeputyLevel>[];
  gender: CompositionCount<Gender>[];
  occupation: CompositionCount<OccupationCategory | 'UNKNOWN'>[];
  ageBand: CompositionCount<AgeBand>[];
}

export const LEVELS: readonly DeputyLevel[] = Object.values(DeputyLevel);
export const GENDERS: readonly Gender[] = Object.values(Gender);
/** The structure categories in the order reports list them (工人、农民 first). */
export const OCCUPATIONS = enumOrder(OccupationCategory, [
  'WORKER',
  'FARMER',
  'PROFESSIONAL',
  'OFFICIAL',
  'ENTERPRISE',
  'MILITARY',
  'OTHER',
]);

/**
 * Counts per category in a fixed order, so townships compare bar for bar. A category that is always
 * present (levels, genders, occupations) keeps its zero; UNKNOWN appears only when someone is unknown.
 */
function tally<K extends string>(keys: readonly K[], values: K[], optional: readonly K[] = []): CompositionCount<K>[] {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const total = values.length;
  return [...counts.entries()]
    .filter(([key, count]) => count > 0 || !optional.includes(key))
    .map(([key, count]) => ({ key, count, share: total === 0 ? 0 : count / total }));
}

/** The deputies' composition by level, gender, occupation and age band. */
export function computeComposition(deputies: readonly DeputyForComposition[], asOfYear: number): DeputyComposition {
  return {
    total: deputies.length,
    level: tally(
      LEVELS,
      deputies.map((d) => d.level),
    ),
    gender: tally(
      GENDERS,
      deputies.map((d) => d.gender),
    ),
    occupation: tally<OccupationCategory | 'UNKNOWN'>(
      [...OCCUPATIONS, 'UNKNOWN'],
      deputies.map((d) => d.occupationCategory ?? 'UNKNOWN'),
      ['UNKNOWN'],
    ),
    ageBand: tally(
      AGE_BANDS,
      deputies.map((d) => ageBand(d.birthYear, asOfYear)),
      ['UNKNOWN'],
    ),
  };
}

/**
 * The composition of a reactive list of deputies (from the township query for now; the analytics issue
 * may serve it precomputed).
 */
export function useDeputyComposition(
  deputies: MaybeRefOrGetter<readonly DeputyForComposition[] | null | undefined>,
  asOfYear: MaybeRefOrGetter<number>,
): ComputedRef<DeputyComposition> {
  return computed(() => computeComposition(toValue(deputies) ?? [], toValue(asOfYear)));
}
