import { County } from '../modules/county/county.entity.js';
import { Township } from '../modules/township/township.entity.js';
import { Term } from '../modules/term/term.entity.js';
import { CongressSession } from '../modules/term/congress-session.entity.js';
import { DeputyGroup } from '../modules/deputy-group/deputy-group.entity.js';
import { Station } from '../modules/station/station.entity.js';
import { Deputy } from '../modules/deputy/deputy.entity.js';
import { Activity } from '../modules/activity/activity.entity.js';
import { ActivityParticipant } from '../modules/activity/activity-participant.entity.js';
import { Suggestion } from '../modules/suggestion/suggestion.entity.js';
import { SuggestionProposer } from '../modules/suggestion/suggestion-proposer.entity.js';
import { DutyReport } from '../modules/duty-report/duty-report.entity.js';
import { VoterContact } from '../modules/voter-contact/voter-contact.entity.js';
import { Election } from '../modules/election/election.entity.js';
import { MetricDefinition } from '../modules/metric/metric-definition.entity.js';
import { PeriodFigure } from '../modules/figure/period-figure.entity.js';
import { QuarterlyReport } from '../modules/quarterly-report/quarterly-report.entity.js';
import { QuarterlyReportValue } from '../modules/quarterly-report/quarterly-report-value.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { LoginAttempt } from '../modules/auth/login-attempt.entity.js';
import { LoginDirectoryEntry } from '../modules/auth/login-directory-entry.entity.js';
import { AccountInvitation } from '../modules/auth/account-invitation.entity.js';
import { AuditLogEntry } from '../modules/audit/audit-log-entry.entity.js';
import { QuarterlyReportRevision } from '../modules/quarterly-report/quarterly-report-revision.entity.js';
import { ReportingDeadline } from '../modules/reporting/reporting-deadline.entity.js';
import { CalendarDay } from '../modules/calendar/calendar-day.entity.js';
import { ApiToken } from '../modules/api-token/api-token.entity.js';
import { SavedQuery } from '../modules/saved-query/saved-query.entity.js';
import { RecordCoverage } from '../modules/record-coverage/record-coverage.entity.js';
import { DataImport } from '../modules/data-import/data-import.entity.js';
import { DeputyReport } from '../modules/deputy-report/deputy-report.entity.js';
import { PerformanceScheme } from '../modules/performance/performance-scheme.entity.js';
import { QuarterlyReportReviewAction } from '../modules/quarterly-report/quarterly-report-review-action.entity.js';
import { Notification } from '../modules/notification/notification.entity.js';

/** Every entity the ORM knows; listed explicitly so a build never depends on folder scanning. */
export const entityClasses = [
  County,
  Township,
  Term,
  CongressSession,
  DeputyGroup,
  Station,
  Deputy,
  Activity,
  ActivityParticipant,
  Suggestion,
  SuggestionProposer,
  DutyReport,
  VoterContact,
  Election,
  MetricDefinition,
  PeriodFigure,
  QuarterlyReport,
  QuarterlyReportValue,
  User,
  LoginAttempt,
  LoginDirectoryEntry,
  AuditLogEntry,
  QuarterlyReportRevision,
  ReportingDeadline,
  CalendarDay,
  SavedQuery,
  ApiToken,
  RecordCoverage,
  AccountInvitation,
  DataImport,
  DeputyReport,
  PerformanceScheme,
  QuarterlyReportReviewAction,
  Notification,
];
