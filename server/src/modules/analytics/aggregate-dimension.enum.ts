import { registerEnumType } from 'type-graphql';

export enum AggregateDimension {
  TOWNSHIP = 'TOWNSHIP',
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
  /** Activity type, voter-contact kind, suggestion kind. */
  TYPE = 'TYPE',
  /** Suggestion state, deputy status. */
  STATE = 'STATE',
  CATEGORY = 'CATEGORY',
  OUTCOME_CLASS = 'OUTCOME_CLASS',
  HANDLING_UNIT = 'HANDLING_UNIT',
  LEVEL = 'LEVEL',
  GENDER = 'GENDER',
  OCCUPATION = 'OCCUPATION',
  PARTY = 'PARTY',
  AGE_BAND = 'AGE_BAND',
  REPLIED = 'REPLIED',
  PROVENANCE = 'PROVENANCE',
}

registerEnumType(AggregateDimension, { name: 'AggregateDimension' });
