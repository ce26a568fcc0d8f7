import { registerEnumType } from 'type-graphql';

/** A report may give only the month of an event; the stored date is then the 1st of that month. */
export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

registerEnumType(DatePrecision, { name: 'DatePrecision' });
