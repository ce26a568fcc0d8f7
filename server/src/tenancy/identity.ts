import type { UserRole } from './user-role.enum.js';

/** An API token's caller: a township system acting as that township's clerk, for named operations only. */
export interface ApiTokenCaller {
  id: string;
  /** Root query and mutation fields the token may call (see api-token-operation.enum.ts). */
  operations: readonly string[];
}

/**
 * Who is calling, from a verified token. Township roles have a township; county roles do not.
 * A person's session carries `tokenVersion`; an API token carries `apiToken` (and its id as `userId`).
 */
export interface Identity {
  userId: string;
  role: UserRole;
  countyId: string;
  townshipId: string | null;
  /** The deputy a DEPUTY user is (row-level security shows such a caller only its own records). */
  deputyId?: string | null;
  /** The user's token version when the login token was issued (checked against app_user per request). */
  tokenVersion?: number;
  apiToken?: ApiTokenCaller;
}

/**
 * Issues and checks bearer tokens. Auth's TokenService implements it; the request context needs no
 * more of auth than this, so tenancy does not import the auth module.
 */
export interface SessionTokens {
  issue(identity: Identity): Promise<{ token: string; expiresAt: Date }>;
  verify(token: string): Promise<Identity>;
}
