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
  /** A deputy signed in: sees the own records only (app_user.deputy_id), invited by the township clerk. */
  DEPUTY = 'DEPUTY',
}

/**
 * Every role, the deputy's included: `@Authorized(...EVERY_ROLE)` opens an operation to deputies too,
 * while `@Authorized()` (any signed-in role) keeps them out (auth-checker.ts).
 */
export const EVERY_ROLE: readonly UserRole[] = Object.values(UserRole);

registerEnumType(UserRole, { name: 'UserRole', description: '用户角色' });
