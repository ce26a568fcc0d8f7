import { registerEnumType } from 'type-graphql';

export enum SuggestionState {
  SUBMITTED = 'SUBMITTED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  REPLIED = 'REPLIED',
  COMPLETED = 'COMPLETED',
  RETURNED = 'RETURNED',
}

registerEnumType(SuggestionState, {
  name: 'SuggestionState',
  description: '办理状态：提交 → 交办 → 办理中 → 已答复 → 办结，或退回',
});
