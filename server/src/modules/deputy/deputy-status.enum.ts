import { registerEnumType } from 'type-graphql';

export enum DeputyStatus {
  ACTIVE = 'ACTIVE',
  RESIGNED = 'RESIGNED',
  REMOVED = 'REMOVED',
  DECEASED = 'DECEASED',
}

registerEnumType(DeputyStatus, { name: 'DeputyStatus', description: '代表状态：在任、辞职、罢免、去世' });
