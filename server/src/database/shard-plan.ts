/**
 * How every table of the schema is placed when the database is sharded by county (k8s/SCALING.md;
 * `citus/distribute.ts` places the tables on a Citus coordinator from these lists, server/README.md, On a
 * Citus cluster). `shard-plan.test.ts` checks the migrated catalog against
 * Citus's rules for each kind, and fails on a table missing from this list: a new table is classified
 * when it is created, not when the cluster refuses it.
 */

/** The distribution column of every distributed table. */
export const DISTRIBUTION_COLUMN = 'county_id';

/**
 * Distributed by `county_id`, co-located with `township`: all of a county's rows of every table sit in
 * one shard group, so joins, foreign keys, the audit trigger and row-level security stay on one worker.
 */
export const DISTRIBUTED_TABLES = [
  'township',
  'term',
  'congress_session',
  'deputy_group',
  'station',
  'deputy',
  'activity',
  'activity_participant',
  'suggestion',
  'suggestion_proposer',
  'voter_contact',
  'election',
  'period_figure',
  'quarterly_report',
  'quarterly_report_value',
  'quarterly_report_revision',
  'quarterly_report_review_action',
  'reporting_deadline',
  'record_coverage',
  'saved_query',
  'app_user',
  'account_invitation',
  'api_token',
  'audit_log',
  'duty_report',
  'deputy_report',
  'performance_scheme',
  'notification',
  'data_import',
  // The result cache's data version: rows appended by statement triggers beside each write, and the
  // platform's under the nil uuid. On Citus a reference table's triggers fire on every copy; only the
  // copy on the node holding the county's (or the nil uuid's) shard appends the row (citus/citus-triggers.ts).
  'county_data_change',
] as const;

/**
 * A copy on every node: small, read by every county, rarely written. `metric_definition` and
 * `calendar_day` hold national rows (`county_id` null) beside each county's own, which a distributed
 * table could not place; they stay whole on every node instead.
 */
export const REFERENCE_TABLES = ['county', 'metric_definition', 'calendar_day'] as const;

/**
 * Local to the coordinator: a sign-in is throttled and its login looked up (`login_directory`: login →
 * county, unique across the platform) before any county is known, and the migrations' bookkeeping belongs
 * to the coordinator. No foreign key joins them to distributed or reference tables (one to `county` would
 * make Citus turn the table into a Citus-local one).
 */
export const LOCAL_TABLES = ['login_attempt', 'login_directory', 'mikro_orm_migrations'] as const;

/**
 * Unique constraints of distributed tables that deliberately leave out `county_id`, with the reason.
 * Citus refuses them on a distributed table, so each guarantee is kept another way, and distributing
 * (`distributeByCounty`) drops exactly these constraints before it distributes their table; on one server
 * they stay. The catalog test accepts exactly these and no other.
 */
export const UNIQUE_WITHOUT_DISTRIBUTION_COLUMN: Record<string, string> = {
  app_user_login_unique:
    'logins are unique across the platform (signing in names no county, server/README.md, No side channels in ' +
    'uniqueness); the coordinator-local login_directory (login → county, user) keeps the guarantee on every ' +
    'deployment, filled in the transaction that creates the user (modules/auth/login-directory.ts)',
};

export type ShardKind = 'distributed' | 'reference' | 'local';

/** The kind of a table, or undefined when it is not classified yet. */
export function shardKindOf(table: string): ShardKind | undefined {
  if ((DISTRIBUTED_TABLES as readonly string[]).includes(table)) return 'distributed';
  if ((REFERENCE_TABLES as readonly string[]).includes(table)) return 'reference';
  if ((LOCAL_TABLES as readonly string[]).includes(table)) return 'local';
  return undefined;
}
