import { registerEnumType } from 'type-graphql';

export enum ReportingStatusKind {
  /** A quarter before the township's reporting began: nothing was ever due. */
  NOT_REQUIRED = 'NOT_REQUIRED',
  /** The deadline has not passed and nothing is submitted yet. */
  NOT_DUE = 'NOT_DUE',
  /** The deadline passed with nothing submitted. */
  MISSING = 'MISSING',
  SUBMITTED_ON_TIME = 'SUBMITTED_ON_TIME',
  SUBMITTED_LATE = 'SUBMITTED_LATE',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
}

registerEnumType(ReportingStatusKind, {
  name: 'ReportingStatusKind',
  description: '无需报送、未到期、未报、按时报送、逾期报送、已退回、已接收',
});
