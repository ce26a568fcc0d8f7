/**
 * The contract between the seed data (this package) and the server's loader.
 * Plain, serialisable data: rows refer to each other by stable string keys, never by database ids,
 * so the same dataset loads identically into any database.
 */

/** Where a figure or row came from. Unknown figures are `null`, never 0. */
export type SeedProvenance = 'REPORTED' | 'RECORDED' | 'SYNTHETIC';

/** `AT_LEAST` keeps "30余次"/"980多条"; `APPROXIMATE` keeps "近万人次". */
export type SeedQualifier = 'EXACT' | 'AT_LEAST' | 'APPROXIMATE';

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

/** `DAY` when the report gives the day; `MONTH` when it gives only the month (the day is then the 1st). */
export type SeedDatePrecision = 'DAY' | 'MONTH' | 'YEAR';

export interface SeedCounty {
  key: string;
  code: string;
  name: string;
  nameEn: string;
}

export interface SeedTownship {
  key: string;
  countyKey: string;
  code: string;
  name: string;
  nameEn: string;
  /** Which reference report the facts came from (file name), for traceability. */
  sourceReport: string;
  /** The report's own title, as printouts cite it (a file name is no citation). */
  sourceReportTitle: string;
  provenance: SeedProvenance;
}

export interface SeedTerm {
  key: string;
  townshipKey: string;
  /** 8 for 第八届; null when the report does not give it. */
  ordinal: number | null;
  name: string;
  startedOn: IsoDate | null;
  endedOn: IsoDate | null;
  provenance: SeedProvenance;
}

export interface SeedCongressSession {
  key: string;
  termKey: string;
  /** 1 for 第一次会议. */
  sessionNumber: number;
  name: string;
  startsOn: IsoDate | null;
  endsOn: IsoDate | null;
  provenance: SeedProvenance;
}

export interface SeedDeputyGroup {
  key: string;
  townshipKey: string;
  name: string;
  provenance: SeedProvenance;
}

export type SeedReceptionScheduleKind = 'MONTHLY_DAY' | 'MONTHLY_LAST_WEEKDAY' | 'MONTHLY_NTH_WEEKDAY' | 'IRREGULAR';

export interface SeedStation {
  key: string;
  townshipKey: string;
  name: string;
  kind: 'LIAISON_STATION' | 'ACTIVITY_STATION';
  village: string | null;
  address: string | null;
  openedOn: IsoDate | null;
  /** Human text, e.g. "每月最后一周的星期二上午". */
  receptionSchedule: string | null;
  scheduleKind: SeedReceptionScheduleKind | null;
  /** Day of month for MONTHLY_DAY (1-31). */
  scheduleDayOfMonth: number | null;
  /** ISO weekday 1 (Mon) - 7 (Sun) for the weekday kinds. */
  scheduleWeekday: number | null;
  /** 1-4 for MONTHLY_NTH_WEEKDAY. */
  scheduleWeekOfMonth: number | null;
  /** The most deputies on duty per reception (or the only number given). */
  deputiesPerReception: number | null;
  /** The fewest, when the report gives a range ("1—3名"); null for a single number. */
  deputiesPerReceptionMin: number | null;
  provenance: SeedProvenance;
}

export type SeedGender = 'MALE' | 'FEMALE';
export type SeedDeputyLevel = 'COUNTY_OR_CITY' | 'TOWNSHIP';
export type SeedDeputyStatus = 'ACTIVE' | 'RESIGNED' | 'REMOVED' | 'DECEASED';
/** The standard composition categories of deputies (代表结构). */
export type SeedOccupationCategory =
  'WORKER' | 'FARMER' | 'PROFESSIONAL' | 'OFFICIAL' | 'ENTERPRISE' | 'MILITARY' | 'OTHER';
export type SeedParty = 'CPC' | 'DEMOCRATIC_PARTY' | 'NONE';

export interface SeedDeputy {
  key: string;
  townshipKey: string;
  termKey: string;
  name: string;
  gender: SeedGender;
  birthYear: number | null;
  ethnicity: string | null;
  party: SeedParty | null;
  occupationCategory: SeedOccupationCategory | null;
  level: SeedDeputyLevel;
  groupKey: string | null;
  stationKey: string | null;
  status: SeedDeputyStatus;
  electedOn: IsoDate | null;
  byElection: boolean;
  /** PII: stored, never exposed to analysts. */
  phone: string | null;
  provenance: SeedProvenance;
}

export type SeedActivityType =
  | 'INSPECTION'
  | 'RESEARCH_VISIT'
  | 'LAW_ENFORCEMENT_CHECK'
  | 'SUPERVISION'
  | 'STUDY'
  | 'VOTER_RECEPTION'
  | 'VOTER_VISIT'
  | 'REPORT_TO_VOTERS'
  | 'DEPUTY_GROUP_ACTIVITY'
  | 'PRESIDIUM_MEETING'
  | 'CONGRESS_SESSION'
  | 'DEPUTY_MEETING'
  | 'GOVERNMENT_REPORT_HEARING'
  | 'LEGAL_OUTREACH';

export type SeedAttendance = 'PRESENT' | 'EXCUSED' | 'ABSENT';

export interface SeedActivity {
  key: string;
  townshipKey: string;
  type: SeedActivityType;
  occurredOn: IsoDate;
  datePrecision: SeedDatePrecision;
  title: string;
  topic: string | null;
  place: string | null;
  stationKey: string | null;
  groupKey: string | null;
  sessionKey: string | null;
  outcome: string | null;
  participants: { deputyKey: string; attendance: SeedAttendance }[];
  provenance: SeedProvenance;
}

export type SeedSuggestionKind = 'SUGGESTION' | 'OPINION' | 'MOTION';
export type SeedSuggestionState = 'SUBMITTED' | 'ASSIGNED' | 'IN_PROGRESS' | 'REPLIED' | 'COMPLETED' | 'RETURNED';
export type SeedOutcomeClass = 'A' | 'B' | 'C' | 'D';
export type SeedSatisfaction = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED';

export interface SeedSuggestion {
  key: string;
  townshipKey: string;
  sessionKey: string | null;
  kind: SeedSuggestionKind;
  title: string;
  category: string | null;
  handlingUnit: string | null;
  submittedOn: IsoDate;
  assignedOn: IsoDate | null;
  deadline: IsoDate | null;
  state: SeedSuggestionState;
  repliedOn: IsoDate | null;
  reply: string | null;
  completedOn: IsoDate | null;
  outcomeClass: SeedOutcomeClass | null;
  satisfaction: SeedSatisfaction | null;
  proposerKeys: string[];
  provenance: SeedProvenance;
}

export interface SeedVoterContact {
  key: string;
  townshipKey: string;
  kind: 'VISIT' | 'LETTER';
  receivedOn: IsoDate;
  stationKey: string | null;
  deputyKey: string | null;
  subject: string;
  replied: boolean;
  repliedOn: IsoDate | null;
  provenance: SeedProvenance;
}

export interface SeedElection {
  key: string;
  townshipKey: string;
  /**
   * With YEAR precision the report gives only the year; the date is then the earliest day the report
   * allows (January 1st when it says nothing more), and the election counts in the year only.
   */
  heldOn: IsoDate;
  datePrecision: SeedDatePrecision;
  kind: 'GENERAL' | 'BY_ELECTION';
  registeredVoters: number | null;
  votersVoted: number | null;
  countyDeputiesElected: number | null;
  townshipDeputiesElected: number | null;
  provenance: SeedProvenance;
}

export type SeedMetricKind = 'COUNT' | 'RATE';
/** The quarterly form's sections (server MetricGroup). */
export type SeedMetricGroup =
  'SUPERVISION' | 'DEPUTY_ACTIVITIES' | 'SUGGESTIONS' | 'VOTER_CONTACT' | 'ELECTIONS' | 'OTHER';

export interface SeedMetricDefinition {
  key: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: SeedMetricKind;
  higherIsBetter: boolean;
  /** How the value is computed, in words (and which record types count). */
  computation: string;
  /** For rates: the metric keys of numerator and denominator. */
  numeratorKey: string | null;
  denominatorKey: string | null;
  /** The section of the quarterly form, and the place in it. */
  group: SeedMetricGroup;
  position: number;
}

/** A figure a report gives for a whole year or a whole term, with its qualifier. */
export interface SeedPeriodFigure {
  townshipKey: string;
  metricKey: string;
  periodKind: 'YEAR' | 'TERM';
  year: number | null;
  termKey: string | null;
  /** null = the report mentions it without a number (e.g. "X项"). */
  value: number | null;
  qualifier: SeedQualifier;
  provenance: SeedProvenance;
  note: string | null;
}

export type SeedReportState = 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';

export interface SeedQuarterlyReport {
  key: string;
  townshipKey: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  state: SeedReportState;
  submittedAt: string | null;
  values: {
    metricKey: string;
    value: number | null;
    qualifier: SeedQualifier;
    provenance: SeedProvenance;
  }[];
}

export interface SeedDataset {
  counties: SeedCounty[];
  townships: SeedTownship[];
  terms: SeedTerm[];
  sessions: SeedCongressSession[];
  deputyGroups: SeedDeputyGroup[];
  stations: SeedStation[];
  deputies: SeedDeputy[];
  activities: SeedActivity[];
  suggestions: SeedSuggestion[];
  voterContacts: SeedVoterContact[];
  elections: SeedElection[];
  metricDefinitions: SeedMetricDefinition[];
  periodFigures: SeedPeriodFigure[];
  quarterlyReports: SeedQuarterlyReport[];
}
