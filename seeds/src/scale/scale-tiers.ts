/** The three sizes the benchmark runs at. Per-township volumes are the same at every tier; only the count grows. */
export type ScaleTierName = 'county' | 'province' | 'national';

export interface ScaleTier {
  name: ScaleTierName;
  counties: number;
  townships: number;
}

export const SCALE_TIERS: Record<ScaleTierName, ScaleTier> = {
  county: { name: 'county', counties: 1, townships: 40 },
  province: { name: 'province', counties: 100, townships: 1_500 },
  // ~2 million deputies and ~20 million activities at ~53 deputies and ~525 activities per township.
  national: { name: 'national', counties: 2_800, townships: 38_000 },
};

export function isScaleTierName(value: string): value is ScaleTierName {
  return Object.hasOwn(SCALE_TIERS, value);
}

/** Eight closed quarters the reports cover (2024 Q3 … 2026 Q2), oldest first. */
export const SCALE_QUARTERS: readonly { year: number; quarter: number }[] = [
  { year: 2024, quarter: 3 },
  { year: 2024, quarter: 4 },
  { year: 2025, quarter: 1 },
  { year: 2025, quarter: 2 },
  { year: 2025, quarter: 3 },
  { year: 2025, quarter: 4 },
  { year: 2026, quarter: 1 },
  { year: 2026, quarter: 2 },
];

/** The quarter left open for the quarter-close benchmark (no township has a report for it yet). */
export const OPEN_QUARTER = { year: 2026, quarter: 3 } as const;

/** The twelve COUNT metrics every synthetic quarterly report carries, so a comparison has no gaps. */
export const SCALE_METRIC_KEYS: readonly string[] = [
  'meetings_held',
  'presidium_meetings',
  'inspections',
  'research_visits',
  'law_enforcement_checks',
  'supervisions',
  'study_sessions',
  'deputy_group_activities',
  'voter_receptions',
  'legal_outreach',
  'government_reports_heard',
  'resolutions_made',
];

/** County of a township: townships are spread evenly, in order, over the tier's counties. */
export function countyOfTownship(tier: ScaleTier, township: number): number {
  return Math.floor((township * tier.counties) / tier.townships);
}

/** First township index of a county (inverse of countyOfTownship). */
export function firstTownshipOfCounty(tier: ScaleTier, county: number): number {
  return Math.ceil((county * tier.townships) / tier.counties);
}
