/**
 * Age bands are the dashboard's own grouping of birth years (no schema enum). Here rather than in the
 * township feature because the message schema (i18n/zh-CN.ts) labels every band.
 */
export type AgeBand = 'UNDER_35' | 'FROM_35_TO_44' | 'FROM_45_TO_54' | 'FROM_55' | 'UNKNOWN';

export const AGE_BANDS: readonly AgeBand[] = ['UNDER_35', 'FROM_35_TO_44', 'FROM_45_TO_54', 'FROM_55', 'UNKNOWN'];

/** Age reached in `asOfYear` (birth year known only): under 35, 35–44, 45–54, 55 and over. */
export function ageBand(birthYear: number | null, asOfYear: number): AgeBand {
  if (birthYear === null) return 'UNKNOWN';
  const age = asOfYear - birthYear;
  if (age < 35) return 'UNDER_35';
  if (age < 45) return 'FROM_35_TO_44';
  if (age < 55) return 'FROM_45_TO_54';
  return 'FROM_55';
}
