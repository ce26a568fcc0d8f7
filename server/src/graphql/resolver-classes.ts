import type { NonEmptyArray } from 'type-graphql';
import { CountyResolver } from '../modules/county/county.resolver.js';
import { TownshipResolver } from '../modules/township/township.resolver.js';
import { TermResolver } from '../modules/term/term.resolver.js';
import { CongressSessionResolver } from '../modules/term/congress-session.resolver.js';
import { DeputyResolver } from '../modules/deputy/deputy.resolver.js';
import { DeputyGroupResolver } from '../modules/deputy-group/deputy-group.resolver.js';
import { StationResolver } from '../modules/station/station.resolver.js';
import { ActivityResolver } from '../modules/activity/activity.resolver.js';
import { ActivityParticipantResolver } from '../modules/activity/activity-participant.resolver.js';
import { SuggestionResolver } from '../modules/suggestion/suggestion.resolver.js';
import { VoterContactResolver } from '../modules/voter-contact/voter-contact.resolver.js';
import { ElectionResolver } from '../modules/election/election.resolver.js';
import { MetricDefinitionResolver } from '../modules/metric/metric-definition.resolver.js';
import { PeriodFigureResolver } from '../modules/figure/period-figure.resolver.js';
import { QuarterlyReportResolver } from '../modules/quarterly-report/quarterly-report.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { UserResolver } from '../modules/auth/user.resolver.js';
import { AuditLogResolver } from '../modules/audit/audit-log.resolver.js';
import { CalendarResolver } from '../modules/calendar/calendar.resolver.js';
import { RecordCoverageResolver } from '../modules/record-coverage/record-coverage.resolver.js';
import { SuggestionMutationResolver } from '../modules/suggestion/suggestion-mutation.resolver.js';
import { DeputyInvitationResolver } from '../modules/deputy/deputy-invitation.resolver.js';
import { DutyReportResolver } from '../modules/duty-report/duty-report.resolver.js';
import { ReportingDeadlineResolver } from '../modules/reporting/reporting-deadline.resolver.js';
import { QuarterlyReportWorkflowResolver } from '../modules/quarterly-report/quarterly-report-workflow.resolver.js';
import { AnalyticsResolver } from '../modules/analytics/analytics.resolver.js';
import { LandingPeriodsResolver } from '../modules/analytics/landing-periods.resolver.js';
import { SummaryResolver } from '../modules/summary/summary.resolver.js';
import { DataImportResolver } from '../modules/data-import/data-import.resolver.js';
import { SavedQueryResolver } from '../modules/saved-query/saved-query.resolver.js';
import { DeputyMutationResolver } from '../modules/deputy/deputy-mutation.resolver.js';
import { DeputyGroupMutationResolver } from '../modules/deputy-group/deputy-group-mutation.resolver.js';
import { StationMutationResolver } from '../modules/station/station-mutation.resolver.js';
import { ActivityMutationResolver } from '../modules/activity/activity-mutation.resolver.js';
import { VoterContactMutationResolver } from '../modules/voter-contact/voter-contact-mutation.resolver.js';
import { ApiTokenResolver } from '../modules/api-token/api-token.resolver.js';
import { ElectionMutationResolver } from '../modules/election/election-mutation.resolver.js';
// Child lists on their parents (`Township.deputies`, …), declared in the child's module.
import { CountyTownshipsResolver } from '../modules/township/county-townships.resolver.js';
import { TownshipTermsResolver } from '../modules/term/township-terms.resolver.js';
import { TownshipDeputyGroupsResolver } from '../modules/deputy-group/township-deputy-groups.resolver.js';
import { TownshipStationsResolver } from '../modules/station/township-stations.resolver.js';
import { TownshipDeputiesResolver } from '../modules/deputy/township-deputies.resolver.js';
import { StationDeputiesResolver } from '../modules/deputy/station-deputies.resolver.js';
import { DeputyGroupDeputiesResolver } from '../modules/deputy/deputy-group-deputies.resolver.js';
import { TownshipActivitiesResolver } from '../modules/activity/township-activities.resolver.js';
import { StationActivitiesResolver } from '../modules/activity/station-activities.resolver.js';
import { DeputyActivitiesResolver } from '../modules/activity/deputy-activities.resolver.js';
import { TownshipSuggestionsResolver } from '../modules/suggestion/township-suggestions.resolver.js';
import { DeputySuggestionsResolver } from '../modules/suggestion/deputy-suggestions.resolver.js';
import { TownshipVoterContactsResolver } from '../modules/voter-contact/township-voter-contacts.resolver.js';
import { TownshipElectionsResolver } from '../modules/election/township-elections.resolver.js';
import { TownshipFiguresResolver } from '../modules/figure/township-figures.resolver.js';
import { TownshipQuarterlyReportsResolver } from '../modules/quarterly-report/township-quarterly-reports.resolver.js';
import { DeputyReportMutationResolver } from '../modules/deputy-report/deputy-report-mutation.resolver.js';
import { PerformanceSchemeResolver } from '../modules/performance/performance-scheme.resolver.js';
import { DeputyPerformanceResolver } from '../modules/performance/deputy-performance.resolver.js';
import {
  CountyPerformanceResolver,
  TownshipPerformanceResolver,
} from '../modules/performance/township-performance.resolver.js';
import { NotificationResolver } from '../modules/notification/notification.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own resolver array type
export const resolverClasses: NonEmptyArray<Function> = [
  CountyResolver,
  TownshipResolver,
  TermResolver,
  CongressSessionResolver,
  DeputyResolver,
  DeputyGroupResolver,
  StationResolver,
  ActivityResolver,
  ActivityParticipantResolver,
  SuggestionResolver,
  VoterContactResolver,
  ElectionResolver,
  MetricDefinitionResolver,
  PeriodFigureResolver,
  QuarterlyReportResolver,
  AuthResolver,
  UserResolver,
  AuditLogResolver,
  CalendarResolver,
  RecordCoverageResolver,
  SuggestionMutationResolver,
  DeputyInvitationResolver,
  DutyReportResolver,
  ReportingDeadlineResolver,
  QuarterlyReportWorkflowResolver,
  AnalyticsResolver,
  LandingPeriodsResolver,
  SummaryResolver,
  DataImportResolver,
  SavedQueryResolver,
  DeputyMutationResolver,
  DeputyGroupMutationResolver,
  StationMutationResolver,
  ActivityMutationResolver,
  VoterContactMutationResolver,
  ElectionMutationResolver,
  ApiTokenResolver,
  CountyTownshipsResolver,
  TownshipTermsResolver,
  TownshipDeputyGroupsResolver,
  TownshipStationsResolver,
  TownshipDeputiesResolver,
  StationDeputiesResolver,
  DeputyGroupDeputiesResolver,
  TownshipActivitiesResolver,
  StationActivitiesResolver,
  DeputyActivitiesResolver,
  TownshipSuggestionsResolver,
  DeputySuggestionsResolver,
  TownshipVoterContactsResolver,
  TownshipElectionsResolver,
  TownshipFiguresResolver,
  TownshipQuarterlyReportsResolver,
  DeputyReportMutationResolver,
  PerformanceSchemeResolver,
  DeputyPerformanceResolver,
  TownshipPerformanceResolver,
  CountyPerformanceResolver,
  NotificationResolver,
];
