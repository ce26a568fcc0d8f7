/**
 * How each countable metric is counted from a township's records over a date range. Every entry is a
 * scalar subquery over `p` (township, date_from, date_to); rates are derived from their numerator and
 * denominator keys in the catalog. The Chinese and English texts tell a clerk how the value was counted.
 */
export interface RecordedMetricSql {
  sql: string;
  zh: string;
  en: string;
}

const activities = (types: string[], zh: string, en: string): RecordedMetricSql => ({
  sql: `(select count(*) from activity a where a.township_id = p.township and a.occurred_on between p.date_from and p.date_to
           and a.type in (${types.map((t) => `'${t}'`).join(', ')}))`,
  zh: `类型为${zh}、日期在统计期内的活动记录数`,
  en: `activities of type ${en} dated within the period`,
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
  visitors_received: {
    sql: `(select count(*) from voter_contact v where v.township_id = p.township and v.kind = 'VISIT' and v.received_on between p.date_from and p.date_to)`,
    zh: '统计期内登记的群众来访数',
    en: 'voter visits received within the period',
  },
  letters_received: {
    sql: `(select count(*) from voter_contact v where v.township_id = p.township and v.kind = 'LETTER' and v.received_on between p.date_from and p.date_to)`,
    zh: '统计期内收到的群众来信数',
    en: 'letters received within the period',
  },
  letters_answered: {
    sql: `(select count(*) from voter_contact v where v.township_id = p.township and v.kind = 'LETTER' and v.replied and v.replied_on between p.date_from and p.date_to)`,
    zh: '统计期内答复的来信数',
    en: 'letters answered within the period',
  },
  suggestions_received: {
    sql: `(select count(*) from suggestion s where s.township_id = p.township and s.submitted_on between p.date_from and p.date_to)`,
    zh: '统计期内提交的代表建议数',
    en: 'suggestions submitted within the period',
  },
  suggestions_replied: {
    sql: `(select count(*) from suggestion s where s.township_id = p.township and s.replied_on between p.date_from and p.date_to)`,
    zh: '统计期内答复的代表建议数',
    en: 'suggestions replied to within the period',
  },
  suggestions_completed: {
    sql: `(select count(*) from suggestion s where s.township_id = p.township and s.state = 'COMPLETED' and s.completed_on between p.date_from and p.date_to)`,
    zh: '统计期内办结的代表建议数',
    en: 'suggestions completed within the period',
  },
  suggestions_solved: {
    sql: `(select count(*) from suggestion s where s.township_id = p.township and s.state = 'COMPLETED' and s.outcome_class = 'A' and s.completed_on between p.date_from and p.date_to)`,
    zh: '统计期内办结且结果为A类（已解决）的建议数',
    en: 'suggestions completed within the period with outcome A (solved)',
  },
  suggestions_rated: {
    sql: `(select count(*) from suggestion s where s.township_id = p.township and s.satisfaction is not null and s.completed_on between p.date_from and p.date_to)`,
    zh: '统计期内办结并有满意度测评的建议数',
    en: 'suggestions completed within the period with a satisfaction rating',
  },
  suggestions_satisfied: {
    sql: `(select count(*) from suggestion s where s.township_id = p.township and s.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') and s.completed_on between p.date_from and p.date_to)`,
    zh: '其中满意或基本满意的建议数',
    en: 'of which rated satisfied or basically satisfied',
  },
  registered_voters: {
    sql: `(select sum(e.registered_voters) from election e where e.township_id = p.township and e.kind = 'GENERAL' and e.held_on between p.date_from and p.date_to)`,
    zh: '统计期内换届选举登记的选民数',
    en: 'registered voters of general elections held within the period',
  },
  voters_voted: {
    sql: `(select sum(e.voters_voted) from election e where e.township_id = p.township and e.kind = 'GENERAL' and e.held_on between p.date_from and p.date_to)`,
    zh: '统计期内换届选举参加投票的选民数',
    en: 'voters who voted in general elections held within the period',
  },
  congress_attendees_present: {
    sql: `(select count(*) from activity_participant ap join activity a on a.id = ap.activity_id
            where a.township_id = p.township and a.type = 'CONGRESS_SESSION' and a.occurred_on between p.date_from and p.date_to and ap.attendance = 'PRESENT')`,
    zh: '统计期内人代会出席的代表人次',
    en: 'deputies present at congress sessions within the period',
  },
  congress_attendees_expected: {
    sql: `(select count(*) from activity_participant ap join activity a on a.id = ap.activity_id
            where a.township_id = p.township and a.type = 'CONGRESS_SESSION' and a.occurred_on between p.date_from and p.date_to)`,
    zh: '统计期内人代会应出席的代表人次',
    en: 'deputies expected at congress sessions within the period',
  },
};

/** Rates whose parts are not catalog metrics of their own. */
export const HIDDEN_RATE_PARTS: Readonly<Record<string, [numerator: string, denominator: string]>> = {
  congress_attendance_rate: ['congress_attendees_present', 'congress_attendees_expected'],
};
