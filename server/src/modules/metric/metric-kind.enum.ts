import { registerEnumType } from 'type-graphql';

export enum MetricKind {
  COUNT = 'COUNT',
  RATE = 'RATE',
}

registerEnumType(MetricKind, { name: 'MetricKind', description: '计数 / 比率' });
