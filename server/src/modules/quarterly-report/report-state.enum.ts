import { registerEnumType } from 'type-graphql';

export enum ReportState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
}

registerEnumType(ReportState, { name: 'ReportState', description: '季度报表状态：草稿、已报送、已接收、已退回' });
