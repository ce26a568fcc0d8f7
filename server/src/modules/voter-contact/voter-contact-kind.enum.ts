import { registerEnumType } from 'type-graphql';

export enum VoterContactKind {
  VISIT = 'VISIT',
  LETTER = 'LETTER',
}

registerEnumType(VoterContactKind, { name: 'VoterContactKind', description: '群众来访 / 来信' });
