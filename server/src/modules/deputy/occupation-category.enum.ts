import { registerEnumType } from 'type-graphql';

export enum OccupationCategory {
  WORKER = 'WORKER',
  FARMER = 'FARMER',
  PROFESSIONAL = 'PROFESSIONAL',
  OFFICIAL = 'OFFICIAL',
  ENTERPRISE = 'ENTERPRISE',
  MILITARY = 'MILITARY',
  OTHER = 'OTHER',
}

registerEnumType(OccupationCategory, {
  name: 'OccupationCategory',
  description: '代表结构类别：工人、农民、专业技术人员、党政干部、企业负责人、解放军、其他',
});
