import { registerEnumType } from 'type-graphql';

export enum DutyReportState {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}

registerEnumType(DutyReportState, { name: 'DutyReportState', description: '待确认、已确认、已退回' });
