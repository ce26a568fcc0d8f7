import { buildTownship } from './build-township.js';
import { demoCounty } from './demo-county.js';
import { metricDefinitions } from './metric-definitions.js';
import type { SeedDataset } from './seed-dataset.js';
import { townshipSources } from './townships/township-sources.js';

/**
 * The full seed dataset: one demonstration county, five townships built from the reference reports, and
 * the metric catalog. Pure and deterministic: every call returns a deep-equal, freshly allocated value.
 */
export function buildSeedDataset(): SeedDataset {
  // Phone numbers are unique across the whole dataset, so the generator shares one registry.
  const usedPhones = new Set<string>();
  const townships = townshipSources.map((source) => buildTownship(source, demoCounty.key, usedPhones));
  const dataset: SeedDataset = {
    counties: [{ ...demoCounty }],
    townships: townships.flatMap((t) => t.townships),
    terms: townships.flatMap((t) => t.terms),
    sessions: townships.flatMap((t) => t.sessions),
    deputyGroups: townships.flatMap((t) => t.deputyGroups),
    stations: townships.flatMap((t) => t.stations),
    deputies: townships.flatMap((t) => t.deputies),
    activities: townships.flatMap((t) => t.activities),
    suggestions: townships.flatMap((t) => t.suggestions),
    voterContacts: townships.flatMap((t) => t.voterContacts),
    elections: townships.flatMap((t) => t.elections),
    metricDefinitions,
    periodFigures: townships.flatMap((t) => t.periodFigures),
    quarterlyReports: townships.flatMap((t) => t.quarterlyReports),
  };
  // A deep copy (the data is plain JSON), so no caller can mutate the module-level source objects.
  return JSON.parse(JSON.stringify(dataset)) as SeedDataset;
}
