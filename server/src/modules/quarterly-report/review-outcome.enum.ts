import { registerEnumType } from 'type-graphql';

/** What county staff decided on a submitted report. */
export enum ReviewOutcome {
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
}

registerEnumType(ReviewOutcome, { name: 'ReviewOutcome', description: '审核结果：接收、退回' });
