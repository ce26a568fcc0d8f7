import type { EntityManager } from '@mikro-orm/postgresql';
import { DATABASE_ROLES } from '../database/database-roles.js';
import { UserRole } from './user-role.enum.js';
import type { Identity } from './identity.js';

/**
 * Hands the caller's identity to PostgreSQL for the current transaction only (`is_local = true`), so
 * row-level security sees it and a pooled connection forgets it at commit or rollback. Analysts also
 * switch to the role that cannot read PII columns.
 *
 * The same statement checks that the session still stands (`renda_identity_valid`, security definer):
 * a person's token version still matches an active `app_user` row, or an API token is neither revoked
 * nor expired. When it does not, no setting is applied (row-level security then shows nothing) and the
 * function returns false, so the caller refuses the request. One statement, no extra round trip.
 *
 * `genericPlans` (write transactions): prepared statements are planned once per connection and reused
 * (`plan_cache_mode = force_generic_plan`, for this transaction only). The write path sends its hot
 * statements prepared (database/prepared-statement.ts); under the default `auto`, PostgreSQL kept
 * re-planning the submission's statements for every call (5–24 ms) because their generic plans' estimates
 * come out above the custom ones, though they run as fast (≈1.9 against ≈1.5 ms for the lookup).
 *
 * A deputy gets `renda.deputy_id` and no `renda.township_id`: every township policy then shows it
 * nothing, and only the `*_deputy_read` policies (migration deputy_role) open its own records.
 */
export async function applyIdentity(
  em: EntityManager,
  identity: Identity,
  options: { genericPlans?: boolean } = {},
): Promise<boolean> {
  const deputy = identity.role === UserRole.DEPUTY;
  const rows = await em.execute<{ valid: boolean }[]>(
    // Starts with `select set_config(` so the statement counter files it under session setup.
    `select set_config('renda.user_id', case when v.valid then ? else '' end, true),
            set_config('renda.role', case when v.valid then ? else '' end, true),
            set_config('renda.county_id', case when v.valid then ? else '' end, true),
            set_config('renda.township_id', case when v.valid then ? else '' end, true),
            set_config('renda.deputy_id', case when v.valid then ? else '' end, true),
            set_config('role', case when v.valid then ? else 'none' end, true),
            set_config('plan_cache_mode', case when ? then 'force_generic_plan' else current_setting('plan_cache_mode') end, true),
            v.valid
       from (select coalesce(renda_identity_valid(cast(? as uuid), cast(? as integer), cast(? as uuid)), false) as valid) v`,
    [
      identity.userId,
      identity.role,
      identity.countyId,
      deputy ? '' : (identity.townshipId ?? ''),
      deputy ? (identity.deputyId ?? '') : '',
      identity.role === UserRole.ANALYST ? DATABASE_ROLES.analyst : 'none',
      options.genericPlans === true,
      identity.userId,
      identity.apiToken ? null : (identity.tokenVersion ?? null),
      identity.apiToken?.id ?? null,
    ],
  );
  return rows[0]?.valid === true;
}
