import type {
  IsoDate,
  SeedActivityType,
  SeedCongressSession,
  SeedDatePrecision,
  SeedDeputyGroup,
  SeedElection,
  SeedPeriodFigure,
  SeedStation,
  SeedSuggestion,
  SeedTerm,
  SeedTownship,
} from '../seed-dataset.js';
import type { SyntheticPlan } from '../synthetic/synthetic-plan.js';

/**
 * An event the report dates. Participants are not listed here because deputies are generated later;
 * `attendance` carries the only participation figures a report gives (qunli's congress session).
 */
export interface ReportedActivity {
  /** Appended to the township key to form the activity key. */
  slug: string;
  type: SeedActivityType;
  occurredOn: IsoDate;
  /**
   * With YEAR precision the date is the earliest day the report allows (e.g. the day after the election
   * of the deputies who attended), so that records sort in the report's order; it counts in the year only.
   */
  datePrecision: SeedDatePrecision;
  title: string;
  topic: string | null;
  place: string | null;
  stationKey: string | null;
  groupKey: string | null;
  sessionKey: string | null;
  outcome: string | null;
  /** Applied to the township-level deputies of the township's deputy term. */
  attendance?: { present: number; excused: number; absent: number };
}

/** One report's facts (REPORTED) plus the parameters for what must be synthesised around them. */
export interface TownshipSource {
  township: Omit<SeedTownship, 'countyKey'>;
  terms: SeedTerm[];
  /** The term the seeded deputies sit in. */
  deputyTermKey: string;
  sessions: SeedCongressSession[];
  elections: SeedElection[];
  deputyGroups: SeedDeputyGroup[];
  stations: SeedStation[];
  activities: ReportedActivity[];
  suggestions: SeedSuggestion[];
  periodFigures: SeedPeriodFigure[];
  /**
   * For a YEAR figure not explained by dated rows (e.g. livelihood projects voted at a session), the date
   * whose quarter receives it in the synthetic quarterly reports; otherwise it is spread.
   */
  remainderPlacement: Record<string, IsoDate>;
  synthetic: SyntheticPlan;
}
