import type { Identity } from '../../tenancy/identity.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { accessErrors } from '../../tenancy/access.errors.js';

/**
 * Who may read deputies' archives, points and rankings: the one place these rules live.
 *
 * County staff and admins read their county's deputies, a township's clerk and viewer their township's
 * (row-level security narrows every statement to the caller's tenant; these checks only add who may ask
 * at all). Analysts are refused: an assessment of named persons is not a statistic.
 *
 * For a DEPUTY role (a user bound to one deputy record), extend `mayReadDeputy` with
 * `identity.role === UserRole.DEPUTY && identity.deputyId === deputyId` and leave `mayReadRankings`
 * false for it: a deputy sees the own archive and points, never another deputy's nor any ranking.
 */
const READERS: ReadonlySet<UserRole> = new Set([
  UserRole.COUNTY_STAFF,
  UserRole.COUNTY_ADMIN,
  UserRole.TOWNSHIP_CLERK,
  UserRole.TOWNSHIP_VIEWER,
]);

export function mayReadDeputy(identity: Identity | null, deputyId: string): boolean {
  void deputyId; // the DEPUTY role will compare it with its own deputy (see above)
  return identity !== null && !identity.apiToken && READERS.has(identity.role);
}

export function mayReadRankings(identity: Identity | null): boolean {
  return identity !== null && !identity.apiToken && READERS.has(identity.role);
}

/** Schemes are the county's published rules: every reader of performance may read them. */
export const mayReadSchemes = mayReadRankings;

export function assertMayReadDeputy(identity: Identity | null, deputyId: string): void {
  if (!identity) throw accessErrors.notSignedIn();
  if (!mayReadDeputy(identity, deputyId)) throw accessErrors.roleForbidden();
}

export function assertMayReadRankings(identity: Identity | null): void {
  if (!identity) throw accessErrors.notSignedIn();
  if (!mayReadRankings(identity)) throw accessErrors.roleForbidden();
}
