import { registerEnumType } from 'type-graphql';

export enum Normalization {
  NONE = 'NONE',
  /** Counts per 10 serving deputies, so a 61-deputy township and an 81-deputy one compare fairly. */
  PER_DEPUTY = 'PER_DEPUTY',
}

registerEnumType(Normalization, { name: 'Normalization', description: '不归一 / 每十名代表' });
