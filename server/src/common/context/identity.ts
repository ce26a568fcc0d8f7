import type { UserRole } from '../../modules/auth/user-role.enum.js';

/** Who is calling, from a verified token. Township roles have a township; county roles do not. */
export interface Identity {
  userId: string;
  role: UserRole;
  countyId: string;
  townshipId: string | null;
}
