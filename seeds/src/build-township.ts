import type { IsoDate, SeedActivity, SeedAttendance, SeedDataset, SeedDeputy } from './seed-dataset.js';
import { metricDefinitions } from './metric-definitions.js';
import { collectQuarterEvents } from './synthetic/collect-quarter-events.js';
import { compareCodePoints } from './synthetic/compare-code-points.js';
import { generateActivities } from './synthetic/generate-activities.js';
import { generateDeputies } from './synthetic/generate-deputies.js';
import { generateDeputyGroups } from './synthetic/generate-deputy-groups.js';
import { generateQuarterlyReports } from './synthetic/generate-quarterly-reports.js';
import { generateReceptions } from './synthetic/generate-receptions.js';
import { generateStations } from './synthetic/generate-stations.js';
import { generateSuggestions } from './synthetic/generate-suggestions.js';
import { generateVoterContacts } from './synthetic/generate-voter-contacts.js';
import { SeededRandom } from './synthetic/seeded-random.js';
import type { ReportedActivity, TownshipSource } from './townships/township-source.js';

/** The year the four dated reports cover; quarterly reports are generated for it. */
const SEED_YEAR = 2021;

export type TownshipRows = Omit<SeedDataset, 'counties' | 'metricDefinitions'>;

/** Applies a reported attendance (e.g. 60 present, 1 on sick leave) to the township's synthetic deputies. */
function reportedParticipants(
  activity: ReportedActivity,
  deputies: readonly SeedDeputy[],
  rng: SeededRandom,
): SeedActivity['participants'] {
  if (activity.attendance === undefined) return [];
  const { present, excused, absent } = activity.attendance;
  const township = deputies.filter((d) => d.level === 'TOWNSHIP');
  if (township.length !== present + excused + absent) {
    throw new Error(
      `${activity.slug}: attendance ${present}+${excused}+${absent} does not match ${township.length} deputies`,
    );
  }
  // Which deputy was away is not reported: chosen by the seed.
  const away = rng.shuffle(township).slice(0, excused + absent);
  const status = new Map<string, SeedAttendance>(away.map((d, i) => [d.key, i < excused ? 'EXCUSED' : 'ABSENT']));
  return township.map((d) => ({ deputyKey: d.key, attendance: status.get(d.key) ?? 'PRESENT' }));
}

const byDateThenKey =
  <T extends { key: string }>(date: (row: T) => IsoDate) =>
  (a: T, b: T): number =>
    compareCodePoints(date(a), date(b)) || compareCodePoints(a.key, b.key);

/** All rows of one township: the report's facts as given, the synthetic rest generated around them. */
export function buildTownship(source: TownshipSource, countyKey: string, usedPhones: Set<string>): TownshipRows {
  const key = source.township.key;
  const plan = source.synthetic;
  const rng = (purpose: string): SeededRandom => new SeededRandom(`${key}:${purpose}`);
  const term = source.terms.find((t) => t.key === source.deputyTermKey);
  if (term === undefined) throw new Error(`${key}: deputy term ${source.deputyTermKey} is not among its terms`);
  const termStartedOn = term.startedOn;

  const deputyGroups = [
    ...source.deputyGroups,
    ...generateDeputyGroups(key, plan.groupCount, source.deputyGroups.length + 1),
  ];
  const stations = [
    ...(plan.stations ? generateStations(key, plan.stations, rng('stations')) : []),
    ...source.stations,
  ];
  const deputies = generateDeputies({
    townshipKey: key,
    termKey: source.deputyTermKey,
    cohorts: plan.deputyCohorts,
    minorityEthnicities: plan.minorityEthnicities,
    groupKeys: deputyGroups.map((g) => g.key),
    stationKeys: stations.map((s) => s.key),
    stationAssignment: plan.stationAssignment,
    rng: rng('deputies'),
    usedPhones,
  });

  const attendanceRng = rng('attendance');
  const reported: SeedActivity[] = source.activities.map((a) => ({
    key: `${key}-${a.slug}`,
    townshipKey: key,
    type: a.type,
    occurredOn: a.occurredOn,
    datePrecision: a.datePrecision,
    title: a.title,
    topic: a.topic,
    place: a.place,
    stationKey: a.stationKey,
    groupKey: a.groupKey,
    sessionKey: a.sessionKey,
    outcome: a.outcome,
    participants: reportedParticipants(a, deputies, attendanceRng),
    provenance: 'REPORTED',
  }));
  const synthetic = generateActivities({
    townshipKey: key,
    batches: plan.activities,
    stationKeys: stations.map((s) => s.key),
    deputies,
    termStartedOn,
    latestDate: plan.latestDate,
    rng: rng('activities'),
  });
  const receptions = generateReceptions({
    townshipKey: key,
    year: SEED_YEAR,
    months: plan.receptionMonths,
    stations,
    deputies,
    subjects: plan.receptionSubjects,
    termStartedOn,
    latestDate: plan.latestDate,
    rng: rng('receptions'),
  });
  const activities = [...reported, ...synthetic, ...receptions.activities].sort(byDateThenKey((a) => a.occurredOn));

  const suggestions = [
    ...source.suggestions,
    ...(plan.suggestions
      ? generateSuggestions({
          townshipKey: key,
          plan: plan.suggestions,
          sessions: source.sessions,
          deputies,
          termStartedOn,
          latestDate: plan.latestDate,
          rng: rng('suggestions'),
        })
      : []),
  ].sort(byDateThenKey((s) => s.submittedOn));
  const voterContacts = [
    ...(plan.voterContacts
      ? generateVoterContacts({
          townshipKey: key,
          plan: plan.voterContacts,
          stationKeys: stations.map((s) => s.key),
          deputies,
          termStartedOn,
          rng: rng('voter-contacts'),
        })
      : []),
    ...receptions.voterContacts,
  ].sort(byDateThenKey((c) => c.receivedOn));

  const yearFigures = source.periodFigures.filter((f) => f.periodKind === 'YEAR' && f.year === SEED_YEAR);
  const quarterlyReports =
    yearFigures.length === 0
      ? []
      : generateQuarterlyReports({
          townshipKey: key,
          year: SEED_YEAR,
          figures: yearFigures,
          events: collectQuarterEvents(
            { activities, suggestions, voterContacts, elections: source.elections },
            SEED_YEAR,
          ),
          metrics: metricDefinitions,
          remainderPlacement: source.remainderPlacement,
          rng: rng('quarterly'),
        });

  return {
    townships: [{ ...source.township, countyKey }],
    terms: source.terms,
    sessions: source.sessions,
    deputyGroups,
    stations,
    deputies,
    activities,
    suggestions,
    voterContacts,
    elections: source.elections,
    periodFigures: source.periodFigures,
    quarterlyReports,
  };
}
