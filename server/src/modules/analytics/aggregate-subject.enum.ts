import { registerEnumType } from 'type-graphql';

export enum AggregateSubject {
  ACTIVITY = 'ACTIVITY',
  SUGGESTION = 'SUGGESTION',
  DEPUTY = 'DEPUTY',
  VOTER_CONTACT = 'VOTER_CONTACT',
}

registerEnumType(AggregateSubject, { name: 'AggregateSubject' });
