import { registerEnumType } from 'type-graphql';

/** Which span a summary covers: one calendar year, or a whole term (届) of the township congress. */
export enum SummaryKind {
  YEAR = 'YEAR',
  TERM = 'TERM',
}

registerEnumType(SummaryKind, {
  name: 'SummaryKind',
  description: '小结范围 / The span a summary covers',
  valuesConfig: { YEAR: { description: '年度' }, TERM: { description: '届内（整届）' } },
});
