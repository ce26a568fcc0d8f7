import type { EntityManager } from '@mikro-orm/postgresql';
import { DatePrecision } from '../../common/enums/date-precision.enum.js';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../common/enums/provenance.enum.js';

/** A figure a summary may state (a metric value for the year, or a figure reported for the term). */
export interface SourceFigure {
  metricKey: string;
  nameZh: string;
  unit: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  qualifier: FigureQualifier;
  provenance: Provenance;
}

export interface SourceElection {
  id: string;
  heldOn: string;
  datePrecision: DatePrecision;
  kind: 'GENERAL' | 'BY_ELECTION';
  registeredVoters: number | null;
  votersVoted: number | null;
  countyDeputiesElected: number | null;
  townshipDeputiesElected: number | null;
  provenance: Provenance;
}

export interface SourceActivity {
  id: string;
  type: string;
  occurredOn: string;
  datePrecision: DatePrecision;
  title: string;
  outcome: string | null;
  provenance: Provenance;
  /** For a congress session: its formal name and dates, and how many deputies were expected and present. */
  sessionName: string | null;
  sessionStartsOn: string | null;
  sessionEndsOn: string | null;
  expected: number;
  present: number;
  excused: number;
}

export interface SourceSuggestion {
  id: string;
  title: string;
  state: string;
  submittedOn: string;
  provenance: Provenance;
}

/** Everything a summary of one township and one span may state; generated rows included and marked. */
export interface SummarySources {
  townshipName: string;
  townshipCode: string;
  figures: Map<string, SourceFigure>;
  elections: SourceElection[];
  activities: SourceActivity[];
  suggestions: SourceSuggestion[];
}

type Row = Record<string, unknown>;

/** The span a summary covers: a date range (null ends when the term's dates are not known) and a term. */
export interface SummarySpan {
  from: string | null;
  to: string | null;
  termId: string | null;
}

/** The township a summary is of, with its county (the caller's): every read names both. */
export interface SummaryTownship {
  countyId: string;
  townshipId: string;
}

/**
 * Reads the records of a span in one statement. A record counts in the span when its date does and
 * its date precision fits (a year-only date belongs to no narrower range); a term's sessions count
 * whatever their date.
 */
export async function loadSummaryRecords(
  em: EntityManager,
  of: SummaryTownship,
  span: SummarySpan,
): Promise<Pick<SummarySources, 'elections' | 'activities' | 'suggestions'>> {
  if (span.from === null || span.to === null) {
    // An undated term: only what is tied to the term itself.
    const activities = span.termId ? await sessionActivities(em, of, span.termId) : [];
    return { elections: [], activities, suggestions: [] };
  }
  const scope = [of.countyId, of.townshipId, span.from, span.to];
  // One statement, one JSON list per kind (every value is read back as text or number, as before).
  // Each part filters the county as a value: Citus routes a subquery only by its own filter, and a part
  // it cannot route runs on every shard and comes back as rows of an anonymous type the coordinator
  // cannot read ("input of anonymous composite types is not implemented"). On one server it is one more
  // equality on rows already found by township and date.
  const [lists] = await em.execute<{ elections: Row[]; activities: Row[]; suggestions: Row[] }[]>(
    `select
       (select coalesce(json_agg(e order by e.held_on, e.id), '[]'::json) from (
          select id, to_char(held_on, 'YYYY-MM-DD') as held_on, date_precision, kind, registered_voters, voters_voted,
                 county_deputies_elected, township_deputies_elected, provenance
            from election
           where county_id = ?::uuid and township_id = ? and held_on between ?::date and ?::date) e) as elections,
       (select coalesce(json_agg(a order by a.occurred_on, a.id), '[]'::json) from (
          ${ACTIVITY_SELECT} where a.county_id = ?::uuid and a.township_id = ? and a.occurred_on between ?::date and ?::date
           group by a.id, a.county_id, a.township_id, s.id, s.county_id, s.township_id) a) as activities,
       (select coalesce(json_agg(g order by g.submitted_on, g.id), '[]'::json) from (
          select id, title, state, to_char(submitted_on, 'YYYY-MM-DD') as submitted_on, provenance
            from suggestion
           where county_id = ?::uuid and township_id = ? and submitted_on between ?::date and ?::date) g) as suggestions`,
    [...scope, ...scope, ...scope],
  );
  const { elections, activities, suggestions } = lists!;
  return {
    elections: elections.map((r) => ({
      id: String(r['id']),
      heldOn: String(r['held_on']),
      datePrecision: r['date_precision'] as DatePrecision,
      kind: r['kind'] as SourceElection['kind'],
      registeredVoters: nullableNumber(r['registered_voters']),
      votersVoted: nullableNumber(r['voters_voted']),
      countyDeputiesElected: nullableNumber(r['county_deputies_elected']),
      townshipDeputiesElected: nullableNumber(r['township_deputies_elected']),
      provenance: r['provenance'] as Provenance,
    })),
    activities: activities.map(toActivity),
    suggestions: suggestions.map((r) => ({
      id: String(r['id']),
      title: String(r['title']),
      state: String(r['state']),
      submittedOn: String(r['submitted_on']),
      provenance: r['provenance'] as Provenance,
    })),
  };
}

const ACTIVITY_SELECT = `select a.id, a.type, to_char(a.occurred_on, 'YYYY-MM-DD') as occurred_on, a.date_precision,
       a.title, a.outcome, a.provenance, s.name as session_name,
       to_char(s.starts_on, 'YYYY-MM-DD') as session_starts_on, to_char(s.ends_on, 'YYYY-MM-DD') as session_ends_on,
       count(p.id) filter (where a.type = 'CONGRESS_SESSION') as expected,
       count(p.id) filter (where a.type = 'CONGRESS_SESSION' and p.attendance = 'PRESENT') as present,
       count(p.id) filter (where a.type = 'CONGRESS_SESSION' and p.attendance = 'EXCUSED') as excused
  from activity a left join congress_session s on s.county_id = a.county_id and s.id = a.session_id
  left join activity_participant p on p.county_id = a.county_id and p.activity_id = a.id`;

async function sessionActivities(em: EntityManager, of: SummaryTownship, termId: string): Promise<SourceActivity[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `${ACTIVITY_SELECT} where a.county_id = ?::uuid and a.township_id = ? and a.type = 'CONGRESS_SESSION' and s.term_id = ?
      group by a.id, a.county_id, a.township_id, s.id, s.county_id, s.township_id order by a.occurred_on, a.id`,
    [of.countyId, of.townshipId, termId],
  );
  return rows.map(toActivity);
}

function toActivity(r: Record<string, unknown>): SourceActivity {
  return {
    id: String(r['id']),
    type: String(r['type']),
    occurredOn: String(r['occurred_on']),
    datePrecision: r['date_precision'] as DatePrecision,
    title: String(r['title']),
    outcome: r['outcome'] === null ? null : String(r['outcome']),
    provenance: r['provenance'] as Provenance,
    sessionName: r['session_name'] === null ? null : String(r['session_name']),
    sessionStartsOn: r['session_starts_on'] === null ? null : String(r['session_starts_on']),
    sessionEndsOn: r['session_ends_on'] === null ? null : String(r['session_ends_on']),
    expected: Number(r['expected']),
    present: Number(r['present']),
    excused: Number(r['excused']),
  };
}

function nullableNumber(raw: unknown): number | null {
  return raw === null || raw === undefined ? null : Number(raw);
}
