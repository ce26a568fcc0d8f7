import type { IsoDate, SeedActivityType, SeedDeputyLevel, SeedStation } from '../seed-dataset.js';

/** One batch of deputies sharing level, election date and by-election flag. */
export interface DeputyCohort {
  level: SeedDeputyLevel;
  count: number;
  electedOn: IsoDate | null;
  byElection: boolean;
}

/** How synthetic deputies are attached to stations. */
export type StationAssignment = 'ROUND_ROBIN' | 'FIRST_GROUP_ONLY' | 'NONE';

export interface SyntheticStationPlan {
  count: number;
  kind: SeedStation['kind'];
  /** Name = prefix + 第N + suffix, e.g. "思蒙镇" + "第一" + "片区人大代表联络站". Generic on purpose: no place is invented. */
  namePrefix: string;
  nameSuffix: string;
  schedule: 'MONTHLY_DAY_10_OR_20' | 'MONTHLY_NTH_WEEKDAY';
  deputiesPerReception: number;
}

/** A topic for synthetic activities, optionally with its own date window (e.g. forest fire checks in spring). */
export interface SyntheticTopic {
  topic: string;
  from?: IsoDate;
  to?: IsoDate;
}

export type ParticipantRule = 'SAMPLE' | 'ALL_TOWNSHIP_DEPUTIES' | 'NONE';

/** `count` activities whose number the report gives but whose dates it does not. */
export interface SyntheticActivityBatch {
  type: SeedActivityType;
  count: number;
  /** title = titlePrefix + topic + titleSuffix */
  titlePrefix: string;
  titleSuffix: string;
  /** Cycled in order so that every listed topic is used. */
  topics: SyntheticTopic[];
  from: IsoDate;
  to: IsoDate;
  atStations: boolean;
  participants: ParticipantRule;
}

export interface SuggestionTopic {
  title: string;
  category: string;
}

export interface SyntheticSuggestionPlan {
  /** ALL_COMPLETED reproduces a reported 100% completion; VARIED exercises every state and outcome class. */
  mode: 'ALL_COMPLETED' | 'VARIED';
  /** One suggestion per topic. */
  topics: SuggestionTopic[];
  from: IsoDate;
  to: IsoDate;
  /** Share of suggestions filed at a congress session held inside [from, to]. */
  sessionShare: number;
  handlingUnits: string[];
}

export interface SyntheticVoterContactPlan {
  visits: number;
  letters: number;
  lettersAllReplied: boolean;
  from: IsoDate;
  to: IsoDate;
  subjects: string[];
}

/** Everything a township's report does not give but the demo needs, as parameters for the generators. */
export interface SyntheticPlan {
  deputyCohorts: DeputyCohort[];
  /** Ethnicities other than 汉族 that occur locally; deputies are ~95% 汉族. */
  minorityEthnicities: string[];
  /** Synthetic deputy groups to add (0 when the report gives the groups). */
  groupCount: number;
  stations: SyntheticStationPlan | null;
  stationAssignment: StationAssignment;
  activities: SyntheticActivityBatch[];
  /** Months of the seed year in which each scheduled station holds a (synthetic) reception day. */
  receptionMonths: number[];
  receptionSubjects: string[];
  suggestions: SyntheticSuggestionPlan | null;
  voterContacts: SyntheticVoterContactPlan | null;
  /** No synthetic row is dated after this (e.g. the date the report was signed). */
  latestDate: IsoDate;
}
