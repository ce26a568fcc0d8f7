/**
 * Who may call each workflow and analytics operation, with a minimal valid document to call it.
 * role-rules.test.ts checks every role against it; the access matrix counts these operations covered.
 */
/** `qunli.deputy` is a DEPUTY user the tests invite (inviteTestDeputy): the seed data has none. */
export type Login = 'qunli.clerk' | 'qunli.viewer' | 'demo.staff' | 'demo.analyst' | 'demo.admin' | 'qunli.deputy';

export interface RoleRule {
  allowed: readonly Login[];
  /** `$county`, `$township`, `$id` are filled in by the test. */
  document: string;
}

/** Every role but DEPUTY (operations marked `@Authorized()`); a deputy is let in only where named. */
const ALL: Login[] = ['qunli.clerk', 'qunli.viewer', 'demo.staff', 'demo.analyst', 'demo.admin'];
const DEPUTY: Login[] = ['qunli.deputy'];
const COUNTY: Login[] = ['demo.staff', 'demo.analyst', 'demo.admin'];
const CLERK: Login[] = ['qunli.clerk'];

export const ROLE_RULES: Readonly<Record<string, RoleRule>> = {
  calendarDays: { allowed: ALL, document: 'query { calendarDays(from: "2021-10-01", to: "2021-10-07") { day } }' },
  addWorkingDays: { allowed: ALL, document: 'query { addWorkingDays(from: "2021-10-01", days: 3) }' },
  setCalendarDay: {
    allowed: ['demo.admin'],
    document: 'mutation { setCalendarDay(input: { day: "2030-01-02", kind: HOLIDAY, name: "测试" }) { day } }',
  },
  removeCalendarDay: { allowed: ['demo.admin'], document: 'mutation { removeCalendarDay(day: "2030-01-03") }' },
  // The clerk names its own township ($township is 群利镇), the admin any of the county.
  setRecordCoverage: {
    allowed: ['qunli.clerk', 'demo.admin'],
    document:
      'mutation ($township: ID!) { setRecordCoverage(input: { townshipId: $township, recordKind: ACTIVITY, recordedSince: "2025-01-01" }) { recordKind } }',
  },
  recordSuggestion: {
    allowed: CLERK,
    document:
      'mutation { recordSuggestion(input: { title: "测试", submittedOn: "2021-10-08", proposerIds: [] }) { id } }',
  },
  assignSuggestion: {
    allowed: CLERK,
    document:
      'mutation ($id: ID!) { assignSuggestion(id: $id, input: { handlingUnit: "x", assignedOn: "2021-10-09" }) { id } }',
  },
  startSuggestionHandling: {
    allowed: CLERK,
    document: 'mutation ($id: ID!) { startSuggestionHandling(id: $id) { id } }',
  },
  replySuggestion: {
    allowed: CLERK,
    document: 'mutation ($id: ID!) { replySuggestion(id: $id, input: { reply: "x", repliedOn: "2021-10-10" }) { id } }',
  },
  completeSuggestion: {
    allowed: CLERK,
    document:
      'mutation ($id: ID!) { completeSuggestion(id: $id, input: { completedOn: "2021-10-11", outcomeClass: A }) { id } }',
  },
  returnSuggestion: {
    allowed: CLERK,
    document: 'mutation ($id: ID!) { returnSuggestion(id: $id, input: { reason: "x" }) { id } }',
  },
  resubmitSuggestion: { allowed: CLERK, document: 'mutation ($id: ID!) { resubmitSuggestion(id: $id) { id } }' },
  reportingDeadline: { allowed: ALL, document: 'query { reportingDeadline(year: 2022, quarter: 1) { dueAt } }' },
  setReportingDeadline: {
    allowed: ['demo.staff', 'demo.admin'],
    document:
      'mutation { setReportingDeadline(input: { year: 2022, quarter: 4, dueAt: "2023-01-15T00:00:00Z" }) { id } }',
  },
  quarterlyReportDraft: {
    allowed: ['qunli.clerk', 'qunli.viewer'],
    document: 'query { quarterlyReportDraft(year: 2021, quarter: 4) { version } }',
  },
  submitQuarterlyReport: {
    allowed: CLERK,
    document:
      'mutation { submitQuarterlyReport(input: { year: 2024, quarter: 1, idempotencyKey: "role-rules-2024-1", expectedVersion: 0, values: [] }) { replayed } }',
  },
  acceptQuarterlyReport: {
    allowed: ['demo.staff'],
    document: 'mutation ($id: ID!) { acceptQuarterlyReport(id: $id, expectedVersion: 1) { id } }',
  },
  returnQuarterlyReport: {
    allowed: ['demo.staff'],
    document: 'mutation ($id: ID!) { returnQuarterlyReport(id: $id, expectedVersion: 1, reason: "x") { id } }',
  },
  // Township roles read their notifications; only the clerk marks them read (a made-up id: NOT_FOUND, not FORBIDDEN).
  notifications: { allowed: ['qunli.clerk', 'qunli.viewer'], document: 'query { notifications { unreadCount } }' },
  markNotificationsRead: {
    allowed: CLERK,
    document: 'mutation { markNotificationsRead(ids: ["00000000-0000-7000-8000-000000000000"]) { id } }',
  },
  // Only county staff remind; $township (群利镇) may or may not be late, so staff get a refusal or a reminder.
  remindTownships: {
    allowed: ['demo.staff'],
    document: 'mutation ($township: ID!) { remindTownships(year: 2021, quarter: 1, townshipIds: [$township]) { id } }',
  },
  reminderStatus: { allowed: ['demo.staff'], document: 'query { reminderStatus(year: 2021) { quarter } }' },
  compareTownships: {
    allowed: COUNTY,
    document:
      'query ($county: ID!) { compareTownships(countyId: $county, metricKeys: ["meetings_held"], periods: [{ year: 2021 }]) { cells { value } } }',
  },
  metricTrend: {
    allowed: ALL,
    document:
      'query ($county: ID!) { metricTrend(countyId: $county, metricKey: "meetings_held", fromYear: 2021, toYear: 2021) { points { value } } }',
  },
  reportingStatus: {
    allowed: COUNTY,
    document: 'query ($county: ID!) { reportingStatus(countyId: $county, year: 2021) { due } }',
  },
  suggestionAnalytics: {
    allowed: ALL,
    document: 'query ($county: ID!) { suggestionAnalytics(countyId: $county, year: 2021) { total } }',
  },
  annualSummary: {
    allowed: ALL,
    document: 'query ($township: ID!) { annualSummary(townshipId: $township, year: 2021) { paragraphZh } }',
  },
  // Every signed-in role: the county overview and the clerk's form both open on it.
  landingPeriods: {
    allowed: ALL,
    document: 'query ($county: ID) { landingPeriods(countyId: $county) { overviewYear reportingQuarter } }',
  },
  termSummary: {
    allowed: ALL,
    // A made-up term id: every role may ask, and gets NOT_FOUND rather than a refusal of the role.
    document:
      'query ($township: ID!) { termSummary(townshipId: $township, termId: "00000000-0000-7000-8000-000000000000") { paragraphZh } }',
  },
  aggregate: {
    allowed: COUNTY,
    document:
      'query ($county: ID!) { aggregate(countyId: $county, input: { subject: DEPUTY, groupBy: [LEVEL] }) { rows { count } } }',
  },
  defineMetric: {
    allowed: ['demo.admin'],
    document:
      'mutation { defineMetric(input: { key: "rule_test_count", nameZh: "测试", nameEn: "Test", unit: "次", kind: COUNT, higherIsBetter: true, computation: "entered" }) { key } }',
  },
  // Deputies' points are personnel assessments: every reader but the analyst (modules/performance/performance-access.ts).
  performanceSchemes: {
    allowed: ['qunli.clerk', 'qunli.viewer', 'demo.staff', 'demo.admin'],
    document: 'query { performanceSchemes(year: 2025) { version } }',
  },
  savePerformanceScheme: {
    allowed: ['demo.admin'],
    document:
      'mutation { savePerformanceScheme(input: { year: 2027, rules: [{ duty: ACTIVITY_INSPECTION, points: 2 }], expectedVersion: 0 }) { version } }',
  },
  dataDictionary: { allowed: ALL, document: 'query { dataDictionary { name } }' },
  savedQueries: { allowed: COUNTY, document: 'query { savedQueries { name } }' },
  saveQuery: {
    allowed: COUNTY,
    document: 'mutation { saveQuery(input: { name: "规则测试", query: "{ me { login } }" }) { id } }',
  },
  deleteSavedQuery: { allowed: COUNTY, document: 'mutation ($id: ID!) { deleteSavedQuery(id: $id) }' },
  // Deputies signing in: the clerk opens the account and confirms reported duties; the deputy reports.
  inviteDeputy: {
    allowed: CLERK,
    document: 'mutation ($id: ID!) { inviteDeputy(input: { deputyId: $id, username: "rule.invite" }) { user { id } } }',
  },
  submitSuggestion: {
    allowed: DEPUTY,
    document: 'mutation { submitSuggestion(input: { title: "规则测试建议" }) { id } }',
  },
  reportDuty: {
    allowed: DEPUTY,
    document:
      'mutation { reportDuty(input: { kind: RECEPTION, occurredOn: "2025-03-01", description: "规则测试" }) { id } }',
  },
  confirmDutyReport: { allowed: CLERK, document: 'mutation ($id: ID!) { confirmDutyReport(id: $id) { id } }' },
  rejectDutyReport: {
    allowed: CLERK,
    document: 'mutation ($id: ID!) { rejectDutyReport(id: $id, reason: "x") { id } }',
  },
  dutyReports: { allowed: [...ALL, ...DEPUTY], document: 'query { dutyReports(first: 1) { totalCount } }' },
};
