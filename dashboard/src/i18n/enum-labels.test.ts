import { describe, expect, it } from '@jest/globals';
import { AGE_BANDS } from '../utils/age-band';
import {
  ArchiveUnknownReason,
  RecordKind,
  DutyKind,
  ActivityType,
  Attendance,
  DeputyStatus,
  ElectionKind,
  FigureQualifier,
  PartyAffiliation,
  Satisfaction,
  VoterContactKind,
  DatePrecision,
  DeputyLevel,
  DutyReportKind,
  DutyReportState,
  FigurePeriodKind,
  Gender,
  OccupationCategory,
  OutcomeClass,
  Provenance,
  ReportingStatusKind,
  MetricGroup,
  ReportState,
  ReportEventKind,
  NotificationKind,
  StationKind,
  SuggestionKind,
  SuggestionState,
  UnknownReason,
  UserRole,
} from '../graphql/generated/schema-enums';
import en from './en';
import zhCN, { type MessageSchema } from './zh-CN';

/**
 * Every label group and the values it must label: the generated schema enums (so a value the schema
 * gains fails here until both languages label it), plus the few values the dashboard adds itself.
 */
const GROUPS: [group: string, labels: (m: MessageSchema) => Record<string, string>, values: readonly string[]][] = [
  ['roles', (m) => m.roles, Object.values(UserRole)],
  ['enums.unknownReason', (m) => m.enums.unknownReason, Object.values(UnknownReason)],
  ['enums.unknownReasonHint', (m) => m.enums.unknownReasonHint, Object.values(UnknownReason)],
  ['enums.reportingStatus', (m) => m.enums.reportingStatus, Object.values(ReportingStatusKind)],
  ['enums.activityType', (m) => m.enums.activityType, Object.values(ActivityType)],
  ['enums.deputyLevel', (m) => m.enums.deputyLevel, Object.values(DeputyLevel)],
  ['enums.gender', (m) => m.enums.gender, Object.values(Gender)],
  // UNKNOWN: a deputy whose category was not recorded (use-deputy-composition)
  ['enums.occupation', (m) => m.enums.occupation, [...Object.values(OccupationCategory), 'UNKNOWN']],
  ['enums.ageBand', (m) => m.enums.ageBand, AGE_BANDS],
  ['enums.suggestionState', (m) => m.enums.suggestionState, Object.values(SuggestionState)],
  ['enums.suggestionKind', (m) => m.enums.suggestionKind, Object.values(SuggestionKind)],
  // NONE: a completed suggestion without an outcome class (suggestion-pipeline)
  ['enums.outcomeClass', (m) => m.enums.outcomeClass, [...Object.values(OutcomeClass), 'NONE']],
  ['enums.reportState', (m) => m.enums.reportState, Object.values(ReportState)],
  ['enums.reportEventKind', (m) => m.enums.reportEventKind, Object.values(ReportEventKind)],
  ['enums.notificationKind', (m) => m.enums.notificationKind, Object.values(NotificationKind)],
  ['enums.metricGroup', (m) => m.enums.metricGroup, Object.values(MetricGroup)],
  ['enums.provenance', (m) => m.enums.provenance, Object.values(Provenance)],
  ['enums.stationKind', (m) => m.enums.stationKind, Object.values(StationKind)],
  ['enums.datePrecision', (m) => m.enums.datePrecision, Object.values(DatePrecision)],
  ['enums.attendance', (m) => m.enums.attendance, Object.values(Attendance)],
  ['enums.figureQualifier', (m) => m.enums.figureQualifier, Object.values(FigureQualifier)],
  ['enums.electionKind', (m) => m.enums.electionKind, Object.values(ElectionKind)],
  ['enums.satisfaction', (m) => m.enums.satisfaction, Object.values(Satisfaction)],
  ['enums.partyAffiliation', (m) => m.enums.partyAffiliation, Object.values(PartyAffiliation)],
  ['enums.deputyStatus', (m) => m.enums.deputyStatus, Object.values(DeputyStatus)],
  ['enums.voterContactKind', (m) => m.enums.voterContactKind, Object.values(VoterContactKind)],
  ['enums.periodKind', (m) => m.enums.periodKind, Object.values(FigurePeriodKind)],
  ['enums.recordKind', (m) => m.enums.recordKind, Object.values(RecordKind)],
  ['enums.dutyKind', (m) => m.enums.dutyKind, Object.values(DutyKind)],
  ['enums.archiveUnknownReason', (m) => m.enums.archiveUnknownReason, Object.values(ArchiveUnknownReason)],
  ['enums.dutyReportKind', (m) => m.enums.dutyReportKind, Object.values(DutyReportKind)],
  ['enums.dutyReportState', (m) => m.enums.dutyReportState, Object.values(DutyReportState)],
];

const LOCALES: [string, MessageSchema][] = [
  ['zh-CN', zhCN],
  ['en', en],
];

describe('enum labels', () => {
  it('cover every label group of the catalogue', () => {
    const listed = GROUPS.map(([group]) => group).sort();
    const inCatalogue = ['roles', ...Object.keys(zhCN.enums).map((g) => `enums.${g}`)].sort();
    expect(listed).toEqual(inCatalogue);
  });

  it.each(LOCALES)('label every value of every enum in %s, and nothing else', (_, messages) => {
    for (const [group, labels, values] of GROUPS) {
      const found = labels(messages);
      const unlabelled = values.filter((v) => typeof found[v] !== 'string' || found[v].trim() === '');
      expect({ group, unlabelled }).toEqual({ group, unlabelled: [] });
      // a label whose value left the schema is dead text: it goes with the value
      expect({ group, keys: Object.keys(found).sort() }).toEqual({ group, keys: [...values].sort() });
    }
  });
});
