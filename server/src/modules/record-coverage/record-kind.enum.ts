import { registerEnumType } from 'type-graphql';

/** The kinds of records whose completeness the platform tracks per township. */
export enum RecordKind {
  /** Activities other than congress sessions (inspections, meetings, study, outreach, …). */
  ACTIVITY = 'ACTIVITY',
  SUGGESTION = 'SUGGESTION',
  VOTER_CONTACT = 'VOTER_CONTACT',
  ELECTION = 'ELECTION',
  /** Congress sessions and their attendance. */
  CONGRESS_SESSION = 'CONGRESS_SESSION',
}

registerEnumType(RecordKind, {
  name: 'RecordKind',
  description: '记录种类：活动、代表建议、群众来访来信、选举、人代会（含出席）',
});
