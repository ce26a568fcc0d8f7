import { quoteIdentifier } from '../../common/sql/quote-identifier.js';
import { quoteLiteral } from '../../common/sql/quote-literal.js';
import { DATABASE_ROLES } from '../database-roles.js';
import {
  DISTRIBUTED_TABLES,
  DISTRIBUTION_COLUMN,
  REFERENCE_TABLES,
  UNIQUE_WITHOUT_DISTRIBUTION_COLUMN,
} from '../shard-plan.js';
import { citusFunctionStatements, customPlanStatements } from './citus-functions.js';
import { citusPolicyRewrites } from './citus-policies.js';

/** Runs one SQL statement and returns its rows (a migration's `execute`, a pg client's `query`). */
export type RunSql = (sql: string) => Promise<unknown[]>;

/** The table every distributed table is co-located with (shard-plan.ts: one shard group per county). */
export const ANCHOR_TABLE = 'township';

async function rows<T>(run: RunSql, sql: string): Promise<T[]> {
  return (await run(sql)) as T[];
}

/** Whether the database has the Citus extension (a coordinator); plain PostgreSQL answers false. */
export async function hasCitus(run: RunSql): Promise<boolean> {
  const found = await rows<{ n: number | string }>(
    run,
    `select count(*) as n from pg_extension where extname = 'citus'`,
  );
  return Number(found[0]?.n ?? 0) > 0;
}

/** The tables Citus already manages, by kind ('h' hash-distributed, 'n' reference, …). */
async function citusTables(run: RunSql): Promise<Map<string, string>> {
  const found = await rows<{ table: string; method: string }>(
    run,
    `select c.relname as "table", p.partmethod as method
       from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid
      where c.relnamespace = 'public'::regnamespace`,
  );
  return new Map(found.map((r) => [r.table, r.method]));
}

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** Every foreign key of the public schema's tables, with its definition to add it back. */
async function foreignKeys(run: RunSql): Promise<ForeignKey[]> {
  return rows<ForeignKey>(
    run,
    `select c.conrelid::regclass::text as "table", c.conname as name, pg_get_constraintdef(c.oid) as definition
       from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
      order by c.conrelid::regclass::text, c.conname`,
  );
}

/** Tables of the public schema that have triggers of their own (not Citus's, not constraint triggers). */
async function tablesWithTriggers(run: RunSql): Promise<string[]> {
  const found = await rows<{ table: string }>(
    run,
    `select distinct c.relname as "table"
       from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where c.relnamespace = 'public'::regnamespace and not t.tgisinternal
      order by 1`,
  );
  return found.map((r) => r.table);
}

/**
 * Turns a migrated Renda schema into the county-distributed one on a Citus coordinator (issue #20,
 * shard-plan.ts): the reference tables become copies on every node, `township` is distributed by
 * `county_id`, and every other distributed table is co-located with it, so one county's rows of every
 * table sit in one shard group (joins, foreign keys, the audit trigger and row-level security stay on
 * one worker). Local tables (login_attempt, the migrations' bookkeeping) stay on the coordinator.
 *
 * Idempotent: tables Citus already manages are skipped, and policies already free of subqueries are left
 * as they are, so a second call changes nothing. Does nothing without the `citus` extension: one
 * PostgreSQL keeps today's schema exactly.
 *
 * What Citus 12.1 needs first, and how this does it (the findings of the lead's lab):
 * - Policies may hold no subquery: `citusPolicyRewrites` (citus-policies.ts) rewrites them, same
 *   meaning, before any table is distributed.
 * - `create_reference_table(county)` while local tables reference it would turn them into Citus-local
 *   tables, which cannot be distributed afterwards: every foreign key is dropped first and added back
 *   once every table has its place (Citus then checks each against its rules).
 * - Triggers need `citus.enable_unsafe_triggers`, and a trigger on a reference table firing while the
 *   tables it writes are not distributed yet fails: user triggers are disabled for the duration (one
 *   `alter table` per statement) and enabled again afterwards. The setting is also made the database's
 *   default, so a later migration can attach a trigger (`renda_tenant_table`) to a distributed table.
 * - Inside one transaction (the migrations run in one) Citus must not open parallel connections to a
 *   worker after DDL: `citus.multi_shard_modify_mode = sequential` for this transaction.
 */
export async function distributeByCounty(run: RunSql): Promise<void> {
  if (!(await hasCitus(run))) return;
  const inTransaction = await inTransactionBlock(run);
  // Settings for this work only: the transaction's when there is one, else this session's.
  const scope = inTransaction ? 'true' : 'false';
  await run(`select set_config('citus.multi_shard_modify_mode', 'sequential', ${scope})`);
  await run(`select set_config('citus.enable_unsafe_triggers', 'on', ${scope})`);
  const [database] = await rows<{ name: string }>(run, `select current_database() as name`);
  await run(`alter database ${quoteIdentifier(database!.name)} set citus.enable_unsafe_triggers = on`);
  // The identity reaches the workers as SET LOCAL statements (citus-functions.ts, renda_share_settings).
  await run(`alter database ${quoteIdentifier(database!.name)} set citus.propagate_set_commands = 'local'`);

  for (const statement of await citusFunctionStatements(run, [...DISTRIBUTED_TABLES, ...REFERENCE_TABLES]))
    await run(statement);
  for (const statement of await customPlanStatements(run)) await run(statement);
  for (const statement of await citusPolicyRewrites(run)) await run(statement);

  const placed = await citusTables(run);
  const pendingReference = REFERENCE_TABLES.filter((t) => !placed.has(t));
  const pendingDistributed = DISTRIBUTED_TABLES.filter((t) => !placed.has(t));
  if (pendingReference.length > 0 || pendingDistributed.length > 0) {
    await placeTables(run, pendingReference, pendingDistributed);
  }
  for (const statement of await referencedReferenceGrants(run)) await run(statement);
  // Shards and objects made in an open transaction are invisible to the connections Citus uses for these
  // steps: then the caller finishes after its commit (prepare-database.ts does after the migrations).
  if (!inTransaction) await finishDistribution(run);
}

/**
 * The steps of distributing that must run outside the transaction that placed the tables: functions
 * handed to the workers and column grants on the shards. Idempotent.
 */
async function finishDistribution(run: RunSql): Promise<void> {
  await distributeFunctions(run);
  await grantColumnsOnShards(run);
}

/**
 * Citus creates a function on every node when it is created on a coordinator that has the extension;
 * a database migrated before the extension came (a clone, an upgrade) has them on the coordinator only,
 * and triggers and policies on the shards call them on the workers (renda_audit calls renda_redact_pii).
 * So every function of the public schema that Citus does not know yet is handed to it, once the tables
 * are placed (a worker checks a SQL function's body against its own tables).
 */
async function distributeFunctions(run: RunSql): Promise<void> {
  const missing = await rows<{ signature: string }>(
    run,
    `select p.oid::regprocedure::text as signature
       from pg_proc p
      where p.pronamespace = 'public'::regnamespace and p.prokind = 'f'
        and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        and not exists (select 1 from pg_dist_object o where o.classid = 'pg_proc'::regclass and o.objid = p.oid)
      order by 1`,
  );
  for (const f of missing) await run(`select create_distributed_function(${quoteLiteral(f.signature)})`);
}

/**
 * A write to a reference table that references another one (calendar_day and metric_definition →
 * county) makes Citus lock the referenced table's shard on the first worker, and it allows that only to
 * a role that may modify the referenced table: UPDATE on it. Row-level security keeps that UPDATE
 * empty (the referenced tables have no update policy for the application, so it changes no row); the
 * grant is what the lock needs, nothing more.
 */
async function referencedReferenceGrants(run: RunSql): Promise<string[]> {
  const needed = await rows<{ grantee: string; referenced: string }>(
    run,
    `select distinct r.rolname as grantee, target.relname as referenced
       from pg_constraint f
       join pg_dist_partition src on src.logicalrelid = f.conrelid and src.partmethod = 'n'
       join pg_dist_partition dst on dst.logicalrelid = f.confrelid and dst.partmethod = 'n'
       join pg_class target on target.oid = f.confrelid
       join pg_roles r on r.rolname in (${quoteLiteral(DATABASE_ROLES.app)})
      where f.contype = 'f'
        and has_table_privilege(r.oid, f.conrelid, 'insert, update, delete')
        and not has_table_privilege(r.oid, f.confrelid, 'update')
      order by 1, 2`,
  );
  return needed.map((n) => `grant update on ${quoteIdentifier(n.referenced)} to ${quoteIdentifier(n.grantee)}`);
}

/**
 * Whether `run` works inside an explicit transaction (the migrations' one) or statement by statement: in
 * a transaction block the current statement started after the transaction did.
 */
async function inTransactionBlock(run: RunSql): Promise<boolean> {
  const [row] = await rows<{ open: boolean }>(
    run,
    `select xact_start < query_start as open from pg_stat_activity where pid = pg_backend_pid()`,
  );
  return row?.open === true;
}

/**
 * Citus 12.1 neither copies column grants to shards nor accepts `grant … (columns)` on a distributed
 * table, and the analyst role reads the personal-data tables through column grants only. So each
 * column grant of a placed table is repeated on every placement (shard) of it. Idempotent; shards that
 * a rebalance creates later need this again (call it after moving shards). Outside any transaction:
 * Citus runs the grants over connections of their own.
 */
async function grantColumnsOnShards(run: RunSql): Promise<void> {
  const grants = await rows<{ table: string; grantee: string; privilege: string; columns: string[] }>(
    run,
    `select c.relname as "table", g.rolname as grantee, a.privilege_type as privilege,
            array_agg(quote_ident(attname) order by attnum) as columns
       from pg_dist_partition p
       join pg_class c on c.oid = p.logicalrelid
       join pg_attribute on attrelid = c.oid and attacl is not null and not attisdropped
       cross join lateral aclexplode(attacl) a
       join pg_roles g on g.oid = a.grantee
      where c.relnamespace = 'public'::regnamespace
      group by 1, 2, 3 order by 1, 2, 3`,
  );
  for (const grant of grants) {
    const statement = `grant ${grant.privilege} (${grant.columns.join(', ')}) on %s to ${quoteIdentifier(grant.grantee)}`;
    const failed = await rows<{ result: string }>(
      run,
      `select result from run_command_on_placements(${quoteLiteral(grant.table)}, ${quoteLiteral(statement)}) where not success`,
    );
    if (failed.length > 0)
      throw new Error(`granting columns of ${grant.table} on its shards failed: ${failed[0]!.result}`);
  }
}

/** Foreign keys off, reference tables, the anchor, the co-located rest, foreign keys and triggers back. */
async function placeTables(run: RunSql, pendingReference: readonly string[], pendingDistributed: readonly string[]) {
  const keys = await foreignKeys(run);
  for (const key of keys)
    await run(`alter table ${quoteIdentifier(key.table)} drop constraint ${quoteIdentifier(key.name)}`);
  // Citus refuses them; shard-plan.ts names what keeps each guarantee instead (the login directory).
  const platformWide = await rows<{ table: string; name: string; constraint: boolean }>(
    run,
    `select t.relname as "table", i.relname as name, exists (select 1 from pg_constraint c where c.conindid = i.oid) as "constraint"
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relnamespace = 'public'::regnamespace
        and i.relname in (${Object.keys(UNIQUE_WITHOUT_DISTRIBUTION_COLUMN).map(quoteLiteral).join(', ') || 'null'})`,
  );
  for (const unique of platformWide) {
    await run(
      unique.constraint
        ? `alter table ${quoteIdentifier(unique.table)} drop constraint ${quoteIdentifier(unique.name)}`
        : `drop index ${quoteIdentifier(unique.name)}`,
    );
  }
  const triggered = await tablesWithTriggers(run);
  for (const table of triggered) await run(`alter table ${quoteIdentifier(table)} disable trigger user`);

  for (const table of pendingReference) await run(`select create_reference_table(${quoteLiteral(table)})`);
  // The anchor first: every other table is co-located with it.
  const ordered = [...pendingDistributed].sort((a, b) => Number(b === ANCHOR_TABLE) - Number(a === ANCHOR_TABLE));
  for (const table of ordered) {
    const colocate = table === ANCHOR_TABLE ? '' : `, colocate_with => ${quoteLiteral(ANCHOR_TABLE)}`;
    await run(
      `select create_distributed_table(${quoteLiteral(table)}, ${quoteLiteral(DISTRIBUTION_COLUMN)}${colocate})`,
    );
  }

  for (const key of keys)
    await run(
      `alter table ${quoteIdentifier(key.table)} add constraint ${quoteIdentifier(key.name)} ${key.definition}`,
    );
  for (const table of triggered) await run(`alter table ${quoteIdentifier(table)} enable trigger user`);
}
