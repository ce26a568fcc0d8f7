import { registerEnumType } from 'type-graphql';

export enum DeputyLevel {
  COUNTY_OR_CITY = 'COUNTY_OR_CITY',
  TOWNSHIP = 'TOWNSHIP',
}

registerEnumType(DeputyLevel, { name: 'DeputyLevel', description: '代表层级：县（市）人大代表 / 乡镇人大代表' });
