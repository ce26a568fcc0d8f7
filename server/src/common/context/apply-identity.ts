import type { EntityManager } from '@mikro-orm/postgresql';
import { DATABASE_ROLES } from '../../database/database-roles.js';
import { UserRole } from '../../modules/auth/user-role.enum.js';
import type { Identity } from './identity.js';

/**
 * Hands the caller's identity to PostgreSQL for the current transaction only (`is_local = true`), so
 * row-level security sees it and a pooled connection forgets it at commit or rollback. Analysts also
 * switch to the role that cannot read PII columns. One statement.
 */
export async function applyIdentity(em: EntityManager, identity: Identity): Promise<void> {
  await em.execute(
    `select set_config('renda.user_id', ?, true), set_config('renda.role', ?, true),
            set_config('renda.county_id', ?, true), set_config('renda.township_id', ?, true),
            set_config('role', ?, true)`,
    [
      identity.userId,
      identity.role,
      identity.countyId,
      identity.townshipId ?? '',
      identity.role === UserRole.ANALYST ? DATABASE_ROLES.analyst : 'none',
    ],
  );
}
