import type { NonEmptyArray } from 'type-graphql';
import { CountyResolver } from '../modules/county/county.resolver.js';
import { TownshipResolver } from '../modules/township/township.resolver.js';
import { CountyTownshipsResolver } from '../modules/township/county-townships.resolver.js';
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
import { ReportingDeadlineResolver } from '../modules/reporting/reporting-deadline.resolver.js';
import { QuarterlyReportWorkflowResolver } from '../modules/quarterly-report/quarterly-report-workflow.resolver.js';
import { AnalyticsResolver } from '../modules/analytics/analytics.resolver.js';
import { LandingPeriodsResolver } from '../modules/analytics/landing-periods.resolver.js';
import { SummaryResolver } from '../modules/summary/summary.resolver.js';
import { SavedQueryResolver } from '../modules/saved-query/saved-query.resolver.js';
import { DeputyMutationResolver } from '../modules/deputy/deputy-mutation.resolver.js';
import { DeputyGroupMutationResolver } from '../modules/deputy-group/deputy-group-mutation.resolver.js';
import { StationMutationResolver } from '../modules/station/station-mutation.resolver.js';
import { ActivityMutationResolver } from '../modules/activity/activity-mutation.resolver.js';
import { VoterContactMutationResolver } from '../modules/voter-contact/voter-contact-mutation.resolver.js';
import { ApiTokenResolver } from '../modules/api-token/api-token.resolver.js';
import { ElectionMutationResolver } from '../modules/election/election-mutation.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own resolver array type
export const resolverClasses: NonEmptyArray<Function> = [
  CountyResolver,
  TownshipResolver,
  CountyTownshipsResolver,
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
  ReportingDeadlineResolver,
  QuarterlyReportWorkflowResolver,
  AnalyticsResolver,
  LandingPeriodsResolver,
  SummaryResolver,
  SavedQueryResolver,
  DeputyMutationResolver,
  DeputyGroupMutationResolver,
  StationMutationResolver,
  ActivityMutationResolver,
  VoterContactMutationResolver,
  ElectionMutationResolver,
  ApiTokenResolver,
];
