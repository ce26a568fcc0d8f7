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
 * A DEPUTY (a user bound to one deputy record) reads its own archive and points, never another
 * deputy's, and no ranking; row-level security shows it only its own rows besides
 * (Migration20261206211000_deputy_archive_access).
 */
const READERS: ReadonlySet<UserRole> = new Set([
  UserRole.COUNTY_STAFF,
  UserRole.COUNTY_ADMIN,
  UserRole.TOWNSHIP_CLERK,
  UserRole.TOWNSHIP_VIEWER,
]);

export function mayReadDeputy(identity: Identity | null, deputyId: string): boolean {
  if (identity === null || identity.apiToken) return false;
  if (identity.role === UserRole.DEPUTY) return identity.deputyId === deputyId;
  return READERS.has(identity.role);
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
