import { registerEnumType } from 'type-graphql';

/** What a deputy reports having done; each becomes a record of its kind once the clerk confirms it. */
export enum DutyReportKind {
  /** Took part in an activity: confirmed as the deputy's attendance (activity_participant, PRESENT). */
  ACTIVITY = 'ACTIVITY',
  /** Received voters at the station: confirmed as a visit received (voter_contact VISIT, the deputy's). */
  RECEPTION = 'RECEPTION',
}

registerEnumType(DutyReportKind, { name: 'DutyReportKind', description: '履职报告类型：参加活动、接待选民' });
