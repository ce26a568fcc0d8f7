import type {
  IsoDate,
  SeedActivity,
  SeedActivityType,
  SeedElection,
  SeedSuggestion,
  SeedVoterContact,
} from '../seed-dataset.js';
import { quarterOf, type Quarter } from '../dates/quarter-of.js';

/**
 * One dated record's contribution to metrics. `quarter` is null for a YEAR-precision record: its
 * quarter is not known, so the metrics it feeds are unknown in every quarter (they count in the year
 * only). RATE keys appear with amount 1 as "this quarter has data".
 */
export interface QuarterEvent {
  quarter: Quarter | null;
  amounts: Record<string, number>;
}

/** Which metrics each activity type counts toward (see the computation text in the metric catalog). */
const ACTIVITY_METRICS: Record<SeedActivityType, string[]> = {
  INSPECTION: ['inspections', 'inspections_and_research_visits'],
  RESEARCH_VISIT: ['research_visits', 'inspections_and_research_visits'],
  LAW_ENFORCEMENT_CHECK: ['law_enforcement_checks'],
  SUPERVISION: ['supervisions'],
  STUDY: ['study_sessions'],
  VOTER_RECEPTION: ['voter_receptions'],
  VOTER_VISIT: [],
  REPORT_TO_VOTERS: [],
  DEPUTY_GROUP_ACTIVITY: ['deputy_group_activities'],
  PRESIDIUM_MEETING: ['presidium_meetings'],
  CONGRESS_SESSION: ['meetings_held'],
  DEPUTY_MEETING: ['meetings_held'],
  GOVERNMENT_REPORT_HEARING: ['government_reports_heard'],
  LEGAL_OUTREACH: ['legal_outreach'],
};

export interface QuarterEventSources {
  activities: readonly SeedActivity[];
  suggestions: readonly SeedSuggestion[];
  voterContacts: readonly SeedVoterContact[];
  elections: readonly SeedElection[];
}

/** The events of one year from one township's records, in a stable order. */
export function collectQuarterEvents(sources: QuarterEventSources, year: number): QuarterEvent[] {
  const events: QuarterEvent[] = [];
  const inYear = (date: IsoDate | null): date is IsoDate => date !== null && date.startsWith(`${year}-`);
  const add = (date: IsoDate | null, amounts: Record<string, number>): void => {
    if (inYear(date) && Object.keys(amounts).length > 0) events.push({ quarter: quarterOf(date), amounts });
  };
  for (const activity of sources.activities) {
    if (!inYear(activity.occurredOn)) continue;
    const amounts: Record<string, number> = {};
    for (const metric of ACTIVITY_METRICS[activity.type]) amounts[metric] = 1;
    if (activity.stationKey !== null) amounts['station_activities'] = 1;
    if (activity.type === 'CONGRESS_SESSION' && activity.participants.length > 0)
      amounts['congress_attendance_rate'] = 1;
    if (Object.keys(amounts).length === 0) continue;
    events.push({ quarter: activity.datePrecision === 'YEAR' ? null : quarterOf(activity.occurredOn), amounts });
  }
  for (const s of sources.suggestions) {
    add(s.submittedOn, { suggestions_received: 1 });
    add(s.repliedOn, { suggestions_replied: 1 });
    add(s.completedOn, { suggestions_completed: 1 });
    const settledOn = s.completedOn ?? s.repliedOn;
    if (s.outcomeClass === 'A') add(settledOn, { suggestions_solved: 1 });
    if (s.satisfaction !== null) {
      add(
        settledOn,
        s.satisfaction === 'DISSATISFIED'
          ? { suggestions_rated: 1 }
          : { suggestions_rated: 1, suggestions_satisfied: 1 },
      );
    }
  }
  for (const c of sources.voterContacts) {
    add(c.receivedOn, c.kind === 'VISIT' ? { visitors_received: 1 } : { letters_received: 1 });
    if (c.kind === 'LETTER' && c.replied) add(c.repliedOn, { letters_answered: 1 });
  }
  for (const e of sources.elections) {
    const amounts: Record<string, number> = {};
    if (e.registeredVoters !== null) amounts['registered_voters'] = e.registeredVoters;
    if (e.votersVoted !== null) amounts['voters_voted'] = e.votersVoted;
    if (e.registeredVoters !== null && e.votersVoted !== null) amounts['election_turnout'] = 1;
    const general = e.kind === 'GENERAL';
    if (e.countyDeputiesElected !== null)
      amounts[general ? 'county_deputies_elected' : 'county_deputies_by_elected'] = e.countyDeputiesElected;
    if (e.townshipDeputiesElected !== null) {
      amounts[general ? 'township_deputies_elected' : 'township_deputies_by_elected'] = e.townshipDeputiesElected;
    }
    if (!inYear(e.heldOn) || Object.keys(amounts).length === 0) continue;
    // A YEAR-precision election counts in the year only, like a YEAR-precision activity.
    events.push({ quarter: e.datePrecision === 'YEAR' ? null : quarterOf(e.heldOn), amounts });
  }
  return events;
}
