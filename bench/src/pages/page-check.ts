import type { Canonical } from '../check.js';

/**
 * Page-load answers reduced to comparable facts. PostGraphile's answer is first renamed into the
 * dashboard document's shape (`rowId` → `id`, `termsByCountyIdAndTownshipId { nodes }` → `terms`, …); then every
 * answer is flattened to `path=value` lines, list elements keyed by their id (or metric key), so the
 * same rows in another order are the same facts. Timestamps are compared as instants.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Rename {
  to: string;
  /** A PostGraphile connection whose plain list the API returns (`{ nodes: [...] }` → `[...]`). */
  unwrap?: boolean;
}

const RENAMES: Record<string, Record<string, Rename>> = {
  MetricCatalog: { allMetricDefinitions: { to: 'metricDefinitions', unwrap: true } },
  TownshipList: { allTownships: { to: 'townships' } },
  CountyName: { countyByRowId: { to: 'county' } },
  TownshipOverview: {
    townshipByRowIdAndCountyId: { to: 'township' },
    countyByCountyId: { to: 'county' },
    termsByCountyIdAndTownshipId: { to: 'terms', unwrap: true },
    stationsByCountyIdAndTownshipId: { to: 'stations', unwrap: true },
    deputiesByCountyIdAndTownshipId: { to: 'deputies' },
    suggestionsByCountyIdAndTownshipId: { to: 'suggestions' },
    periodFiguresByCountyIdAndTownshipId: { to: 'figures', unwrap: true },
    termByCountyIdAndTownshipIdAndTermId: { to: 'term' },
    quarterlyReportsByCountyIdAndTownshipId: { to: 'quarterlyReports', unwrap: true },
    quarterlyReportValuesByCountyIdAndTownshipIdAndReportId: { to: 'values', unwrap: true },
    allMetricDefinitions: { to: 'metricDefinitions', unwrap: true },
  },
  TownshipActivities: { townshipActivitiesBetween: { to: 'activities' } },
  TownshipDeputyNames: { allDeputies: { to: 'deputies' } },
  PreviousQuarterReport: {
    allQuarterlyReports: { to: 'quarterlyReports' },
    quarterlyReportValuesByCountyIdAndTownshipIdAndReportId: { to: 'values', unwrap: true },
  },
  SavedQueries: { allSavedQueries: { to: 'savedQueries', unwrap: true } },
};

function renamed(value: Json, renames: Record<string, Rename>): Json {
  if (Array.isArray(value)) return value.map((v) => renamed(v, renames));
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, inner] of Object.entries(value)) {
    const rule = key === 'rowId' ? { to: 'id' } : renames[key];
    let next = renamed(inner, renames);
    if (rule?.unwrap && next && typeof next === 'object' && !Array.isArray(next)) next = next['nodes'] ?? [];
    out[rule?.to ?? key] = next;
  }
  return out;
}

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

function flatten(value: Json, path: string, into: string[]): string[] {
  if (Array.isArray(value)) {
    value.forEach((element, i) => {
      const keyed = element && typeof element === 'object' && !Array.isArray(element) ? element : null;
      const key = keyed?.['id'] ?? keyed?.['metricKey'] ?? i;
      flatten(element, `${path}[${String(key)}]`, into);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, `${path}.${key}`, into);
  } else {
    const shown = typeof value === 'string' && TIMESTAMP.test(value) ? new Date(value).toISOString() : String(value);
    into.push(`${path}=${shown}`);
  }
  return into;
}

/** An answer's facts; PostGraphile's renamed into the API's shape first. */
export function pageFacts(operation: string, system: 'renda' | 'postgraphile' | 'floor', response: unknown): Canonical {
  let data = (response as { data: Json }).data;
  if (system === 'postgraphile') data = renamed(data, RENAMES[operation] ?? {});
  return { townships: [], facts: flatten(data, '', []).sort(), ranks: null };
}
