import { registerEnumType } from 'type-graphql';

export enum TrendGranularity {
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

registerEnumType(TrendGranularity, { name: 'TrendGranularity' });
