import {
  firstTownshipOfCounty,
  OPEN_QUARTER,
  SCALE_QUARTERS,
  type ScaleTier,
} from '@renda/seeds/dist/scale/scale-tiers.js';
import { scaleRefs } from '@renda/seeds/dist/scale/scale-rows.js';
import type { BenchIdentity } from '../identity.js';

/**
 * Every GraphQL operation the dashboard sends when a page loads, with the variables the page sends on
 * the scale tiers' data and the identity the page is for. The list follows the views and composables
 * (dashboard/src/features/**): `useQuery` calls that run on mount, with their default arguments.
 */
export interface PageOperation {
  /** The dashboard's operation name (its document is read from dashboard/src/features at run time). */
  name: string;
  /** The route that sends it when it loads. */
  page: string;
  role: 'COUNTY_STAFF' | 'TOWNSHIP_CLERK' | 'ANALYST';
  variables(place: PagePlace): Record<string, unknown>;
}

/** Where a request is made: one county of the tier and its first township (by code). */
export interface PagePlace {
  countyId: string;
  townshipId: string;
}

/** The overview opens on the latest quarter with reports (LandingPeriods' overviewYear/-Quarter). */
const LATEST = SCALE_QUARTERS[SCALE_QUARTERS.length - 1]!;
/** The clerk's period now due: the tiers leave OPEN_QUARTER unreported (LandingPeriods' reportingYear/-Quarter). */
const DUE = OPEN_QUARTER;
const quarterRange = (year: number, quarter: number) => {
  const month = (quarter - 1) * 3 + 1;
  const end = new Date(Date.UTC(year, month + 2, 0)).toISOString().slice(0, 10);
  return { from: `${year}-${String(month).padStart(2, '0')}-01`, to: end };
};
const previousQuarter = (year: number, quarter: number) =>
  quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };

export const PAGE_OPERATIONS: readonly PageOperation[] = [
  // /county (CountyOverviewView and its panels)
  { name: 'LandingPeriods', page: '/county', role: 'COUNTY_STAFF', variables: () => ({}) },
  { name: 'MetricCatalog', page: '/county', role: 'COUNTY_STAFF', variables: (p) => ({ countyId: p.countyId }) },
  { name: 'TownshipList', page: '/county', role: 'COUNTY_STAFF', variables: () => ({}) },
  { name: 'CountyName', page: '/county', role: 'COUNTY_STAFF', variables: (p) => ({ countyId: p.countyId }) },
  {
    name: 'CountyHeadline',
    page: '/county',
    role: 'COUNTY_STAFF',
    variables: (p) => ({ countyId: p.countyId, year: LATEST.year }),
  },
  {
    // ComparisonPanel's default pair of metrics, the overview's quarter.
    name: 'CompareTownships',
    page: '/county',
    role: 'COUNTY_STAFF',
    variables: (p) => ({
      countyId: p.countyId,
      metricKeys: ['inspections', 'suggestion_completion_rate'],
      periods: [{ year: LATEST.year, quarter: LATEST.quarter }],
      normalize: 'NONE',
    }),
  },
  {
    // TrendPanel's county line: meetings held over the overview's year and the two before.
    name: 'MetricTrend',
    page: '/county',
    role: 'COUNTY_STAFF',
    variables: (p) => ({
      countyId: p.countyId,
      metricKey: 'meetings_held',
      fromYear: LATEST.year - 2,
      toYear: LATEST.year,
      townshipId: null,
    }),
  },
  // /townships/:id (TownshipView and its panels), as county staff open it
  { name: 'TownshipOverview', page: '/townships/:id', role: 'COUNTY_STAFF', variables: (p) => ({ id: p.townshipId }) },
  {
    name: 'TownshipActivities',
    page: '/townships/:id',
    role: 'COUNTY_STAFF',
    variables: (p) => ({ townshipId: p.townshipId, from: `${LATEST.year}-01-01`, to: `${LATEST.year}-12-31` }),
  },
  {
    name: 'AnnualSummary',
    page: '/townships/:id',
    role: 'COUNTY_STAFF',
    variables: (p) => ({ townshipId: p.townshipId, year: LATEST.year, includeSynthetic: false }),
  },
  {
    name: 'OverdueSuggestions',
    page: '/townships/:id',
    role: 'COUNTY_STAFF',
    variables: (p) => ({ townshipId: p.townshipId, asOf: quarterRange(DUE.year, DUE.quarter).to }),
  },
  // the clerk's own township page adds the duty reports and deputy accounts panels
  {
    name: 'PendingDutyReports',
    page: '/township',
    role: 'TOWNSHIP_CLERK',
    variables: (p) => ({ townshipId: p.townshipId }),
  },
  {
    name: 'TownshipDeputyNames',
    page: '/township',
    role: 'TOWNSHIP_CLERK',
    variables: (p) => ({ townshipId: p.townshipId }),
  },
  // /reports/status (use-reporting-status), and the review a status cell opens
  {
    name: 'ReportingStatus',
    page: '/reports/status',
    role: 'COUNTY_STAFF',
    variables: (p) => ({ countyId: p.countyId, year: LATEST.year }),
  },
  { name: 'ReminderStatus', page: '/reports/status', role: 'COUNTY_STAFF', variables: () => ({ year: LATEST.year }) },
  {
    name: 'PreviousQuarterReport',
    page: '/reports/status (review)',
    role: 'COUNTY_STAFF',
    variables: (p) => ({ townshipId: p.townshipId, ...previousQuarter(LATEST.year, LATEST.quarter) }),
  },
  // /todo (ClerkHomeView with the notifications list) and /reports/quarterly (the form)
  {
    name: 'ClerkHome',
    page: '/todo',
    role: 'TOWNSHIP_CLERK',
    variables: (p) => ({ townshipId: p.townshipId, ...DUE, ...quarterRange(DUE.year, DUE.quarter) }),
  },
  { name: 'Notifications', page: '/todo', role: 'TOWNSHIP_CLERK', variables: () => ({ first: 20 }) },
  { name: 'QuarterlyReportDraft', page: '/reports/quarterly', role: 'TOWNSHIP_CLERK', variables: () => ({ ...DUE }) },
  // /explorer
  { name: 'SavedQueries', page: '/explorer', role: 'ANALYST', variables: () => ({}) },
  { name: 'DataDictionary', page: '/explorer', role: 'ANALYST', variables: () => ({}) },
];

export function pageOperation(name: string): PageOperation {
  const found = PAGE_OPERATIONS.find((op) => op.name === name);
  if (!found) throw new Error(`no page workload ${name}; known: ${PAGE_OPERATIONS.map((op) => op.name).join(', ')}`);
  return found;
}

/** County `county` of the tier, its first township, and who the page is for there. */
export function pagePlace(
  tier: ScaleTier,
  county: number,
  role: PageOperation['role'],
): {
  place: PagePlace;
  identity: BenchIdentity;
} {
  const township = firstTownshipOfCounty(tier, county);
  const place = { countyId: scaleRefs.county(county), townshipId: scaleRefs.township(township) };
  const userId =
    role === 'TOWNSHIP_CLERK'
      ? scaleRefs.clerk(township)
      : role === 'ANALYST'
        ? scaleRefs.analyst(county)
        : scaleRefs.staff(county);
  return {
    place,
    identity: {
      userId,
      role,
      countyId: place.countyId,
      townshipId: role === 'TOWNSHIP_CLERK' ? place.townshipId : null,
    },
  };
}
