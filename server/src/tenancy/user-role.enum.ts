import { registerEnumType } from 'type-graphql';

/** What a signed-in person may see and do; enforced by row-level security inside PostgreSQL. */
export enum UserRole {
  /** Reads and writes its own township. */
  TOWNSHIP_CLERK = 'TOWNSHIP_CLERK',
  /** Reads its own township. */
  TOWNSHIP_VIEWER = 'TOWNSHIP_VIEWER',
  /** Reads every township of its county; accepts or returns quarterly reports. */
  COUNTY_STAFF = 'COUNTY_STAFF',
  /** Reads across its county, without deputies' contact details. */
  ANALYST = 'ANALYST',
  /** Manages the users of its county. */
  COUNTY_ADMIN = 'COUNTY_ADMIN',
}

registerEnumType(UserRole, { name: 'UserRole', description: '用户角色' });
