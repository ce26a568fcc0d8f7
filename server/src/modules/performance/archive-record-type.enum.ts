import { registerEnumType } from 'type-graphql';

/** The table a duty's record lives in; with its id, the link to the record. */
export enum ArchiveRecordType {
  ACTIVITY = 'ACTIVITY',
  VOTER_CONTACT = 'VOTER_CONTACT',
  SUGGESTION = 'SUGGESTION',
  DEPUTY_REPORT = 'DEPUTY_REPORT',
}

registerEnumType(ArchiveRecordType, { name: 'ArchiveRecordType', description: '记录类型：活动、来访来信、建议、述职' });

/** Why an archive count or a point total is unknown (null) rather than 0. */
export enum ArchiveUnknownReason {
  /** 未录入: the platform does not hold every record of this kind for the period, and holds none. */
  NOT_RECORDED = 'NOT_RECORDED',
  /** 未开始: the period has not begun. */
  NOT_STARTED = 'NOT_STARTED',
  /** 任期起止未知: the term's start is not known, so no dated record can be placed in it. */
  TERM_DATES_UNKNOWN = 'TERM_DATES_UNKNOWN',
  /** 无积分方案: the county has no points scheme for the year. */
  NO_SCHEME = 'NO_SCHEME',
}

registerEnumType(ArchiveUnknownReason, {
  name: 'ArchiveUnknownReason',
  description: '未知原因：未录入、未开始、任期起止未知、无积分方案',
});
