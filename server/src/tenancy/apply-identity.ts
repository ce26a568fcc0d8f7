import type { EntityManager } from '@mikro-orm/postgresql';
import { DATABASE_ROLES } from '../database/database-roles.js';
import { executeDeferred } from '../database/deferred-statement.js';
import { sessionStatement } from '../common/sql/session-statements.js';
import { UserRole } from './user-role.enum.js';
import type { Identity } from './identity.js';

export interface AppliedIdentity {
  /** The session still stands; when false no setting was applied. */
  valid: boolean;
  /** The caller's county data version (a bigint as text) when the transaction began. */
  dataVersion: string;
}

/**
 * The identity statement: `?` placeholders in the order `identityParams` gives.
 *
 * `offset 0` keeps the session check a subquery of its own. Without it PostgreSQL pulls the one-row
 * subquery up into the select list and evaluates `renda_identity_valid` once for every `v.valid` there
 * (seven times, each a security-definer call and an index probe), which made this statement cost about
 * 1.2 ms of PostgreSQL's time per request against 0.5 ms with the fence (pgbench, county tier);
 * `apply-identity.test.ts` reads the plan.
 */
export const IDENTITY_STATEMENT =
  // Starts with `select set_config(` so the statement counter files it under session setup.
  `select set_config('renda.user_id', case when v.valid then ? else '' end, true),
          set_config('renda.role', case when v.valid then ? else '' end, true),
          set_config('renda.county_id', case when v.valid then ? else '' end, true),
          set_config('renda.township_id', case when v.valid then ? else '' end, true),
          set_config('renda.deputy_id', case when v.valid then ? else '' end, true),
          set_config('role', case when v.valid then ? else 'none' end, true),
          set_config('plan_cache_mode', case when ? then 'force_generic_plan' else current_setting('plan_cache_mode') end, true),
          renda_share_settings(),
          v.valid,
          renda_data_version(cast(? as uuid))::text as data_version
     from (select coalesce(renda_identity_valid(cast(? as uuid), cast(? as integer), cast(? as uuid), cast(? as uuid)), false) as valid
           offset 0) v`;

/**
 * The identity statement as a connection's prepared statement (common/sql/session-statements.ts): the
 * connection prepares it with its first request and every request sends `execute renda_identity(…)`, so
 * PostgreSQL parses, analyses and plans it once per connection instead of once per request, and the execute
 * still travels as plain text with the begin and the first read. About 40–55 µs less per request
 * (`begin; <identity>; select 1; commit` on one connection: 170–280 µs with the statement inlined, 128–157 µs
 * executed).
 */
export const EXECUTE_IDENTITY = sessionStatement(
  'renda_identity',
  ['text', 'text', 'text', 'text', 'text', 'text', 'boolean', 'uuid', 'uuid', 'integer', 'uuid', 'uuid'],
  IDENTITY_STATEMENT,
);

/** The identity statement's parameters, in its placeholders' order. */
export function identityParams(identity: Identity, options: { genericPlans?: boolean } = {}): unknown[] {
  const deputy = identity.role === UserRole.DEPUTY;
  return [
    identity.userId,
    identity.role,
    identity.countyId,
    deputy ? '' : (identity.townshipId ?? ''),
    deputy ? (identity.deputyId ?? '') : '',
    identity.role === UserRole.ANALYST ? DATABASE_ROLES.analyst : 'none',
    options.genericPlans === true,
    identity.countyId,
    identity.userId,
    identity.apiToken ? null : (identity.tokenVersion ?? null),
    identity.apiToken?.id ?? null,
    identity.countyId,
  ];
}

/**
 * Hands the caller's identity to PostgreSQL for the current transaction only (`is_local = true`), so
 * row-level security sees it and a pooled connection forgets it at commit or rollback. Analysts also
 * switch to the role that cannot read PII columns.
 *
 * The same statement checks that the session still stands (`renda_identity_valid`, security definer):
 * a person's token version still matches an active `app_user` row, or an API token is neither revoked
 * nor expired; looked up in the caller's county, so that on a Citus cluster it reads one shard group and
 * a dead worker fails only its own counties' requests (migration identity_and_version_by_county). When it
 * does not, no setting is applied (row-level security then shows nothing) and the function returns false,
 * so the caller refuses the request. One statement, no extra round trip.
 *
 * `genericPlans` (write transactions): prepared statements are planned once per connection and reused
 * (`plan_cache_mode = force_generic_plan`, for this transaction only). The write path sends its hot
 * statements prepared (database/prepared-statement.ts); under the default `auto`, PostgreSQL kept
 * re-planning the submission's statements for every call (5–24 ms) because their generic plans' estimates
 * come out above the custom ones, though they run as fast (≈1.9 against ≈1.5 ms for the lookup).
 *
 * A deputy gets `renda.deputy_id` and no `renda.township_id`: every township policy then shows it
 * nothing, and only the `*_deputy_read` policies (migration deputy_role) open its own records.
 *
 * `renda_share_settings()` follows the settings (select-list expressions run left to right): nothing on
 * one server; on a Citus cluster it hands them to the workers, where row-level security filters the
 * shards (database/citus/citus-functions.ts).
 *
 * The same statement also reads the caller's county data version (`renda_data_version`, migrations
 * county_data_version and data_version_without_lock: one index-only probe, no lock), before the transaction reads any data: the result cache labels the answer with
 * it, and a version read later could label older data with a newer version.
 */
export async function applyIdentity(
  em: EntityManager,
  identity: Identity,
  options: { genericPlans?: boolean } = {},
): Promise<AppliedIdentity> {
  const rows = await em.execute<{ valid: boolean; data_version: string }[]>(
    EXECUTE_IDENTITY,
    identityParams(identity, options),
  );
  const row = rows[0];
  return { valid: row?.valid === true, dataVersion: row?.data_version ?? '0' };
}

/**
 * `applyIdentity` for a read-only transaction, whose first statement may carry it: the settings are in
 * force for every statement after it either way (PostgreSQL runs the message's statements in order), and
 * the answer, whether the session stands, is needed only before the response leaves. A session that has
 * ended applies no setting, so whatever ran before the answer came saw no tenant's rows, and the request is
 * refused then (request-transaction-plugin.ts). Saves the round trip that awaited the identity alone.
 */
export async function deferIdentity(em: EntityManager, identity: Identity): Promise<() => Promise<AppliedIdentity>> {
  const rows = await executeDeferred<{ valid: boolean; data_version: string }>(
    em,
    EXECUTE_IDENTITY,
    identityParams(identity),
  );
  return async () => {
    const row = (await rows())[0];
    return { valid: row?.valid === true, dataVersion: row?.data_version ?? '0' };
  };
}

/**
 * Whether the session stands, and the caller's county data version, in one statement outside any
 * transaction and without applying the identity: enough to answer a query from the result cache
 * (request-transaction-plugin.ts), which then needs no transaction at all. Starts with
 * `select renda_identity_valid(` so the statement counter files it under session setup.
 */
export async function probeIdentity(em: EntityManager, identity: Identity): Promise<AppliedIdentity> {
  const rows = await em.execute<{ valid: boolean | null; data_version: string }[]>(
    `select renda_identity_valid(cast(? as uuid), cast(? as integer), cast(? as uuid), cast(? as uuid)) as valid,
            renda_data_version(cast(? as uuid))::text as data_version`,
    [
      identity.userId,
      identity.apiToken ? null : (identity.tokenVersion ?? null),
      identity.apiToken?.id ?? null,
      identity.countyId,
      identity.countyId,
    ],
  );
  const row = rows[0];
  return { valid: row?.valid === true, dataVersion: row?.data_version ?? '0' };
}
