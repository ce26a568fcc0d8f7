import { registerEnumType } from 'type-graphql';

export enum Satisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}

registerEnumType(Satisfaction, { name: 'Satisfaction', description: '满意度：满意、基本满意、不满意' });
