import { registerEnumType } from 'type-graphql';

export enum ElectionKind {
  GENERAL = 'GENERAL',
  BY_ELECTION = 'BY_ELECTION',
}

registerEnumType(ElectionKind, { name: 'ElectionKind', description: '换届选举 / 补选' });
