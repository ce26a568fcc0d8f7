import { registerEnumType } from 'type-graphql';

export enum PartyAffiliation {
  CPC = 'CPC',
  DEMOCRATIC_PARTY = 'DEMOCRATIC_PARTY',
  NONE = 'NONE',
}

registerEnumType(PartyAffiliation, { name: 'PartyAffiliation', description: '政治面貌：中共党员、民主党派、群众' });
