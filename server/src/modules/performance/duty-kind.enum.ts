import { registerEnumType } from 'type-graphql';
import { RecordKind } from '../record-coverage/record-kind.enum.js';

/**
 * Every kind of duty an archive lists, and the key of the scheme rule that scores it. A record gives one
 * duty (an activity attended, a suggestion proposed) or, for outcomes, one more dated when it happened
 * (a suggestion adopted or 办成 on its completion, a report's evaluation grade).
 */
export enum DutyKind {
  SESSION_PRESENT = 'SESSION_PRESENT',
  SESSION_EXCUSED = 'SESSION_EXCUSED',
  SESSION_ABSENT = 'SESSION_ABSENT',
  ACTIVITY_INSPECTION = 'ACTIVITY_INSPECTION',
  ACTIVITY_RESEARCH_VISIT = 'ACTIVITY_RESEARCH_VISIT',
  ACTIVITY_LAW_ENFORCEMENT_CHECK = 'ACTIVITY_LAW_ENFORCEMENT_CHECK',
  ACTIVITY_SUPERVISION = 'ACTIVITY_SUPERVISION',
  /** Trainings (学习培训). */
  ACTIVITY_STUDY = 'ACTIVITY_STUDY',
  ACTIVITY_VOTER_RECEPTION = 'ACTIVITY_VOTER_RECEPTION',
  ACTIVITY_VOTER_VISIT = 'ACTIVITY_VOTER_VISIT',
  ACTIVITY_REPORT_TO_VOTERS = 'ACTIVITY_REPORT_TO_VOTERS',
  ACTIVITY_DEPUTY_GROUP_ACTIVITY = 'ACTIVITY_DEPUTY_GROUP_ACTIVITY',
  ACTIVITY_PRESIDIUM_MEETING = 'ACTIVITY_PRESIDIUM_MEETING',
  ACTIVITY_DEPUTY_MEETING = 'ACTIVITY_DEPUTY_MEETING',
  ACTIVITY_GOVERNMENT_REPORT_HEARING = 'ACTIVITY_GOVERNMENT_REPORT_HEARING',
  ACTIVITY_LEGAL_OUTREACH = 'ACTIVITY_LEGAL_OUTREACH',
  /** Excused from an activity other than a session. */
  ACTIVITY_EXCUSED = 'ACTIVITY_EXCUSED',
  /** Absent without leave from an activity other than a session. */
  ACTIVITY_ABSENT = 'ACTIVITY_ABSENT',
  /** A voter's visit or letter the deputy received (接待选民). */
  RECEPTION = 'RECEPTION',
  SUGGESTION_PROPOSED = 'SUGGESTION_PROPOSED',
  /** Completed (办结) with outcome A, B or C: adopted; dated on completion. */
  SUGGESTION_ADOPTED = 'SUGGESTION_ADOPTED',
  /** Completed with outcome A (已解决, 办成); dated on completion. */
  SUGGESTION_RESOLVED = 'SUGGESTION_RESOLVED',
  /** A report to voters (述职). */
  REPORT_TO_VOTERS = 'REPORT_TO_VOTERS',
  REPORT_GRADE_EXCELLENT = 'REPORT_GRADE_EXCELLENT',
  REPORT_GRADE_GOOD = 'REPORT_GRADE_GOOD',
  REPORT_GRADE_FAIR = 'REPORT_GRADE_FAIR',
  REPORT_GRADE_POOR = 'REPORT_GRADE_POOR',
}

registerEnumType(DutyKind, {
  name: 'DutyKind',
  description:
    '履职事项：人代会出席/请假/缺席，各类活动，活动请假/缺席，接待选民，提出建议/建议被采纳/办成，述职及评议等次',
});

/** Which record coverage vouches that a duty's records are complete (see record-coverage). */
export function recordKindOf(duty: DutyKind): RecordKind {
  if (duty.startsWith('SESSION_')) return RecordKind.CONGRESS_SESSION;
  if (duty === DutyKind.RECEPTION) return RecordKind.VOTER_CONTACT;
  if (duty.startsWith('SUGGESTION_')) return RecordKind.SUGGESTION;
  // Reports to voters are activities of the register (述职 is an activity type too).
  return RecordKind.ACTIVITY;
}
