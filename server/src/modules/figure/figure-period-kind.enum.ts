import { registerEnumType } from 'type-graphql';

export enum FigurePeriodKind {
  YEAR = 'YEAR',
  TERM = 'TERM',
}

registerEnumType(FigurePeriodKind, { name: 'FigurePeriodKind', description: '统计期：年度 / 整届' });
