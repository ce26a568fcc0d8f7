/**
 * PostGraphile's closest query for each page-load operation that has one, in one place: the relation
 * fields are named after the foreign keys (`quarterlyReportsByCountyIdAndTownshipId`, …), so a change of keys
 * (e.g. to `(county_id, township_id)`) renames them here and nowhere else.
 *
 * Operations absent here have no PostGraphile equivalent (see NO_POSTGRAPHILE): they compute (rates,
 * precedence of reported over counted figures, deadlines, summaries) what PostGraphile's schema of
 * tables cannot, or read aggregates its Amber preset does not offer.
 */
import type { PagePlace } from './page-operations.js';

export interface PostGraphilePage {
  query: string;
  /** PostGraphile's variables from the dashboard's (the same place, in its own argument names). */
  variables(dashboard: Record<string, unknown>, place: PagePlace): Record<string, unknown>;
}

export const POSTGRAPHILE_PAGES: Record<string, PostGraphilePage> = {
  MetricCatalog: {
    query: `query MetricCatalog {
  allMetricDefinitions(orderBy: [KEY_ASC]) {
    nodes { rowId key nameZh nameEn unit kind higherIsBetter numeratorKey denominatorKey }
  }
}`,
    variables: () => ({}),
  },
  TownshipList: {
    query: `query TownshipList {
  allTownships(first: 100, orderBy: [CODE_ASC, PRIMARY_KEY_ASC]) {
    totalCount
    nodes { rowId code name nameEn provenance sourceReportTitle }
  }
}`,
    variables: () => ({}),
  },
  CountyName: {
    query: `query CountyName($countyId: UUID!) { countyByRowId(rowId: $countyId) { rowId name nameEn } }`,
    variables: (v) => ({ countyId: v['countyId'] }),
  },
  TownshipOverview: {
    query: `query TownshipOverview($id: UUID!, $countyId: UUID!) {
  townshipByRowIdAndCountyId(rowId: $id, countyId: $countyId) {
    rowId code name nameEn provenance sourceReportTitle
    countyByCountyId { rowId name nameEn }
    termsByCountyIdAndTownshipId(orderBy: [ORDINAL_ASC, PRIMARY_KEY_ASC]) { nodes { rowId name ordinal startedOn endedOn } }
    stationsByCountyIdAndTownshipId(orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
      nodes {
        rowId name kind village address receptionSchedule scheduleKind scheduleDayOfMonth scheduleWeekday
        scheduleWeekOfMonth deputiesPerReception openedOn retiredOn provenance
      }
    }
    deputiesByCountyIdAndTownshipId(first: 200, condition: { status: "ACTIVE" }, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
      totalCount pageInfo { hasNextPage }
      nodes { rowId level gender occupationCategory birthYear provenance }
    }
    suggestionsByCountyIdAndTownshipId(first: 200, orderBy: [SUBMITTED_ON_DESC, PRIMARY_KEY_DESC]) {
      totalCount pageInfo { hasNextPage }
      nodes { rowId state outcomeClass kind provenance }
    }
    periodFiguresByCountyIdAndTownshipId { nodes { rowId metricKey periodKind year termByCountyIdAndTownshipIdAndTermId { rowId name } value qualifier provenance note } }
    quarterlyReportsByCountyIdAndTownshipId(orderBy: [YEAR_ASC, QUARTER_ASC]) {
      nodes {
        rowId year quarter state late version revision submittedAt returnReason provenance
        quarterlyReportValuesByCountyIdAndTownshipIdAndReportId(orderBy: [METRIC_KEY_ASC]) {
          nodes { rowId metricKey recordedValue reportedValue qualifier provenance overrideReason }
        }
      }
    }
    latestActivity: activitiesByCountyIdAndTownshipId(first: 1, orderBy: [OCCURRED_ON_DESC, PRIMARY_KEY_DESC]) {
      totalCount nodes { rowId occurredOn }
    }
  }
  allMetricDefinitions(orderBy: [KEY_ASC]) {
    nodes { rowId key nameZh nameEn unit kind higherIsBetter numeratorKey denominatorKey }
  }
}`,
    variables: (v, place) => ({ id: v['id'], countyId: place.countyId }),
  },
  TownshipActivities: {
    // The Amber preset filters by equality only: a year's activities come from a function (below).
    query: `query TownshipActivities($townshipId: UUID!, $fromOn: Date!, $toOn: Date!) {
  townshipActivitiesBetween(townshipId: $townshipId, fromOn: $fromOn, toOn: $toOn, first: 200) {
    totalCount pageInfo { hasNextPage }
    nodes { rowId occurredOn datePrecision type title provenance }
  }
}`,
    variables: (v) => ({ townshipId: v['townshipId'], fromOn: v['from'], toOn: v['to'] }),
  },
  TownshipDeputyNames: {
    query: `query TownshipDeputyNames($townshipId: UUID!) {
  allDeputies(first: 200, condition: { townshipId: $townshipId, status: "ACTIVE" }, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
    nodes { rowId name }
  }
}`,
    variables: (v) => ({ townshipId: v['townshipId'] }),
  },
  PreviousQuarterReport: {
    query: `query PreviousQuarterReport($townshipId: UUID!, $year: Int!, $quarter: Int!) {
  allQuarterlyReports(condition: { townshipId: $townshipId, year: $year, quarter: $quarter }, first: 1) {
    nodes { rowId state quarterlyReportValuesByCountyIdAndTownshipIdAndReportId(orderBy: [METRIC_KEY_ASC]) { nodes { metricKey reportedValue qualifier } } }
  }
}`,
    variables: (v) => ({ townshipId: v['townshipId'], year: v['year'], quarter: v['quarter'] }),
  },
  SavedQueries: {
    query: `query SavedQueries {
  allSavedQueries(orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { rowId name query variables ownerId updatedAt } }
}`,
    variables: () => ({}),
  },
};

/** Why the other page operations have no PostGraphile row in the tables. */
export const NO_POSTGRAPHILE: Record<string, string> = {
  LandingPeriods: 'computed: the latest quarter with reports and the quarter now due',
  CountyHeadline: 'computed: reporting and on-time rates, a completion rate summed over townships',
  CompareTownships: 'computed: ranks and precedence (B1 is the comparison against PostGraphile)',
  MetricTrend: 'computed: county sums per quarter, year-over-year change',
  AnnualSummary: 'computed: figures and generated sentences',
  OverdueSuggestions: 'overdue = open past its deadline: a range filter the Amber preset lacks',
  PendingDutyReports: 'a state list filter (`states: [PENDING]`) with the deputy; no rows at the tiers',
  ReportingStatus: 'computed: every township × quarter status, deadlines, rates',
  ReminderStatus: 'computed: last reminder and next allowed time per township and quarter',
  ClerkHome: 'computed: the draft period and deadline, counts over a date range',
  Notifications: 'unreadCount is computed; the list itself is a plain table read',
  QuarterlyReportDraft: 'computed: recorded counts per metric with their derivations',
  DataDictionary: 'static: labels and value types from the server code, no table',
};

/**
 * Bench-only function for PostGraphile's TownshipActivities (the server's migrations do not carry it):
 * a township's activities in a date range, newest first, as the API orders them. Security invoker, so
 * row-level security applies as for the table.
 */
export const POSTGRAPHILE_PAGE_FUNCTIONS = [
  `create or replace function township_activities_between(township_id uuid, from_on date, to_on date)
     returns setof activity language sql stable as $$
       select a.* from activity a
        where a.township_id = township_activities_between.township_id and a.occurred_on between from_on and to_on
        order by a.occurred_on desc, a.id desc $$`,
];
