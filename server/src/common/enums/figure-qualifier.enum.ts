import { registerEnumType } from 'type-graphql';

/** Keeps "30余次" (AT_LEAST 30) and "近万人次" (APPROXIMATE 10000) honest instead of inventing precision. */
export enum FigureQualifier {
  EXACT = 'EXACT',
  AT_LEAST = 'AT_LEAST',
  APPROXIMATE = 'APPROXIMATE',
}

registerEnumType(FigureQualifier, { name: 'FigureQualifier' });
