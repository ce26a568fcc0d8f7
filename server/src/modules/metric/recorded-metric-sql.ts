import { RecordKind } from '../record-coverage/record-kind.enum.js';

/**
 * How each countable metric is counted from records. Metrics are grouped by the record source they
 * scan, so a whole county's townships × periods are counted in one SQL statement: each source is
 * scanned once and grouped by (township, period). The Chinese and English texts tell a clerk how the
 * value was counted.
 */
export type RecordSource =
  | 'activity'
  | 'contact_received'
  | 'contact_replied'
  | 'suggestion_submitted'
  | 'suggestion_replied'
  | 'suggestion_completed'
  | 'election'
  | 'congress_attendance';

export interface RecordedMetricSql {
  source: RecordSource;
  /** An aggregate over the source's rows `x` (null when no row matched, then reported as 0 for counts). */
  aggregate: string;
  /** The same aggregate over the generated (SYNTHETIC) rows only: how much of the value is made up. */
  syntheticAggregate: string;
  /** The kinds of records whose completeness (record coverage) the count depends on. */
  recordKinds: readonly RecordKind[];
  /** Sums of counts: 0 when there are no rows; sums of figures (voters) stay unknown. */
  zeroWhenEmpty: boolean;
  zh: string;
  en: string;
}

/**
 * Each source: its rows, the date that places a row in a period, and the alias whose county_id and
 * township_id scope it (an index leading with county_id must exist for it, so a comparison reads the
 * county's rows, not the country's).
 */
export interface RecordSourceSql {
  from: string;
  date: string;
  scope: string;
  /** The date's precision column, when the source has one: a YEAR-precise date counts only in whole years. */
  precision: string | null;
  /** The row is generated demo data. */
  synthetic: string;
}

export const RECORD_SOURCES: Readonly<Record<RecordSource, RecordSourceSql>> = {
  activity: {
    from: 'activity x',
    date: 'x.occurred_on',
    scope: 'x',
    precision: 'x.date_precision',
    synthetic: `x.provenance = 'SYNTHETIC'`,
  },
  contact_received: {
    from: 'voter_contact x',
    date: 'x.received_on',
    scope: 'x',
    precision: null,
    synthetic: `x.provenance = 'SYNTHETIC'`,
  },
  contact_replied: {
    from: 'voter_contact x',
    date: 'x.replied_on',
    scope: 'x',
    precision: null,
    synthetic: `x.provenance = 'SYNTHETIC'`,
  },
  suggestion_submitted: {
    from: 'suggestion x',
    date: 'x.submitted_on',
    scope: 'x',
    precision: null,
    synthetic: `x.provenance = 'SYNTHETIC'`,
  },
  suggestion_replied: {
    from: 'suggestion x',
    date: 'x.replied_on',
    scope: 'x',
    precision: null,
    synthetic: `x.provenance = 'SYNTHETIC'`,
  },
  suggestion_completed: {
    from: 'suggestion x',
    date: 'x.completed_on',
    scope: 'x',
    precision: null,
    synthetic: `x.provenance = 'SYNTHETIC'`,
  },
  election: {
    from: 'election x',
    date: 'x.held_on',
    scope: 'x',
    precision: 'x.date_precision',
    synthetic: `x.provenance = 'SYNTHETIC'`,
  },
  // Driven from the county's congress sessions (activity's county/type/date index), then their
  // participants through their key (county_id, activity_id, deputy_id); scoping by the participants'
  // own county_id, before the shard keys, scanned every participant in the country. The join names
  // county_id as well as the activity: Citus joins co-located tables only on their distribution column;
  // on one server it is one more equality on the key's leading column.
  congress_attendance: {
    from: `activity xa join activity_participant x
      on x.county_id = xa.county_id and x.activity_id = xa.id and xa.type = 'CONGRESS_SESSION'`,
    date: 'xa.occurred_on',
    scope: 'xa',
    precision: 'xa.date_precision',
    // A generated session or a generated attendance row.
    synthetic: `(xa.provenance = 'SYNTHETIC' or x.provenance = 'SYNTHETIC')`,
  },
};

/** `value filter (where condition)`, and the same over the source's generated rows. */
function aggregates(source: RecordSource, value: string, condition: string) {
  return {
    aggregate: `${value} filter (where ${condition})`,
    syntheticAggregate: `${value} filter (where (${condition}) and ${RECORD_SOURCES[source].synthetic})`,
  };
}

const KINDS_OF_SOURCE: Readonly<Record<RecordSource, readonly RecordKind[]>> = {
  activity: [RecordKind.ACTIVITY],
  contact_received: [RecordKind.VOTER_CONTACT],
  contact_replied: [RecordKind.VOTER_CONTACT],
  suggestion_submitted: [RecordKind.SUGGESTION],
  suggestion_replied: [RecordKind.SUGGESTION],
  suggestion_completed: [RecordKind.SUGGESTION],
  election: [RecordKind.ELECTION],
  congress_attendance: [RecordKind.CONGRESS_SESSION],
};

// Congress sessions are their own record kind: a township may hold every session before every activity.
const activities = (types: string[], zh: string, en: string): RecordedMetricSql => ({
  source: 'activity',
  ...aggregates('activity', 'count(*)', `x.type in (${types.map((t) => `'${t}'`).join(', ')})`),
  recordKinds: [
    ...(types.some((t) => t !== 'CONGRESS_SESSION') ? [RecordKind.ACTIVITY] : []),
    ...(types.includes('CONGRESS_SESSION') ? [RecordKind.CONGRESS_SESSION] : []),
  ],
  zeroWhenEmpty: true,
  zh: `类型为${zh}、日期在统计期内的活动记录数`,
  en: `activities of type ${en} dated within the period`,
});

const counted = (source: RecordSource, condition: string, zh: string, en: string): RecordedMetricSql => ({
  source,
  ...aggregates(source, 'count(*)', condition),
  recordKinds: KINDS_OF_SOURCE[source],
  zeroWhenEmpty: true,
  zh,
  en,
});

export const RECORDED_METRIC_SQL: Readonly<Record<string, RecordedMetricSql>> = {
  meetings_held: activities(
    ['CONGRESS_SESSION', 'DEPUTY_MEETING'],
    '人代会或代表会议',
    'CONGRESS_SESSION or DEPUTY_MEETING',
  ),
  presidium_meetings: activities(['PRESIDIUM_MEETING'], '主席团会议', 'PRESIDIUM_MEETING'),
  inspections: activities(['INSPECTION'], '视察', 'INSPECTION'),
  research_visits: activities(['RESEARCH_VISIT'], '调研', 'RESEARCH_VISIT'),
  inspections_and_research_visits: activities(
    ['INSPECTION', 'RESEARCH_VISIT'],
    '视察或调研',
    'INSPECTION or RESEARCH_VISIT',
  ),
  law_enforcement_checks: activities(['LAW_ENFORCEMENT_CHECK'], '执法检查', 'LAW_ENFORCEMENT_CHECK'),
  supervisions: activities(['SUPERVISION'], '督导督办', 'SUPERVISION'),
  study_sessions: activities(['STUDY'], '学习培训', 'STUDY'),
  deputy_group_activities: activities(['DEPUTY_GROUP_ACTIVITY'], '代表小组活动', 'DEPUTY_GROUP_ACTIVITY'),
  voter_receptions: activities(['VOTER_RECEPTION'], '接待选民', 'VOTER_RECEPTION'),
  legal_outreach: activities(['LEGAL_OUTREACH'], '普法宣传', 'LEGAL_OUTREACH'),
  government_reports_heard: activities(['GOVERNMENT_REPORT_HEARING'], '听取审议', 'GOVERNMENT_REPORT_HEARING'),
  visitors_received: counted(
    'contact_received',
    `x.kind = 'VISIT'`,
    '统计期内登记的群众来访数',
    'voter visits received within the period',
  ),
  letters_received: counted(
    'contact_received',
    `x.kind = 'LETTER'`,
    '统计期内收到的群众来信数',
    'letters received within the period',
  ),
  letters_answered: counted(
    'contact_replied',
    `x.kind = 'LETTER' and x.replied`,
    '统计期内答复的来信数',
    'letters answered within the period',
  ),
  suggestions_received: counted(
    'suggestion_submitted',
    'true',
    '统计期内提交的代表建议数',
    'suggestions submitted within the period',
  ),
  suggestions_replied: counted(
    'suggestion_replied',
    'true',
    '统计期内答复的代表建议数',
    'suggestions replied to within the period',
  ),
  suggestions_completed: counted(
    'suggestion_completed',
    `x.state = 'COMPLETED'`,
    '统计期内办结的代表建议数',
    'suggestions completed within the period',
  ),
  suggestions_solved: counted(
    'suggestion_completed',
    `x.state = 'COMPLETED' and x.outcome_class = 'A'`,
    '统计期内办结且结果为A类（已解决）的建议数',
    'suggestions completed within the period with outcome A (solved)',
  ),
  suggestions_rated: counted(
    'suggestion_completed',
    `x.state = 'COMPLETED' and x.satisfaction is not null`,
    '统计期内办结并有满意度测评的建议数',
    'suggestions completed within the period with a satisfaction rating',
  ),
  suggestions_satisfied: counted(
    'suggestion_completed',
    `x.state = 'COMPLETED' and x.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')`,
    '其中满意或基本满意的建议数',
    'of which rated satisfied or basically satisfied',
  ),
  registered_voters: {
    source: 'election',
    ...aggregates('election', 'sum(x.registered_voters)', `x.kind = 'GENERAL'`),
    recordKinds: [RecordKind.ELECTION],
    zeroWhenEmpty: false,
    zh: '统计期内换届选举登记的选民数',
    en: 'registered voters of general elections held within the period',
  },
  voters_voted: {
    source: 'election',
    ...aggregates('election', 'sum(x.voters_voted)', `x.kind = 'GENERAL'`),
    recordKinds: [RecordKind.ELECTION],
    zeroWhenEmpty: false,
    zh: '统计期内换届选举参加投票的选民数',
    en: 'voters who voted in general elections held within the period',
  },
  congress_attendees_present: counted(
    'congress_attendance',
    `x.attendance = 'PRESENT'`,
    '统计期内人代会出席的代表人次',
    'deputies present at congress sessions within the period',
  ),
  congress_attendees_expected: counted(
    'congress_attendance',
    'true',
    '统计期内人代会应出席的代表人次',
    'deputies expected at congress sessions within the period',
  ),
};

/** Rates whose parts are not catalog metrics of their own. */
export const HIDDEN_RATE_PARTS: Readonly<Record<string, [numerator: string, denominator: string]>> = {
  congress_attendance_rate: ['congress_attendees_present', 'congress_attendees_expected'],
};
