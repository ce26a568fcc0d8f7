import { registerEnumType } from 'type-graphql';

export enum StationKind {
  /** 代表联络站 */
  LIAISON_STATION = 'LIAISON_STATION',
  /** 代表活动站 */
  ACTIVITY_STATION = 'ACTIVITY_STATION',
}

registerEnumType(StationKind, { name: 'StationKind', description: '代表联络站 / 代表活动站' });
