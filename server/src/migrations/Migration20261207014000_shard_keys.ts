import { Migration } from '@mikro-orm/migrations';

/**
 * Keys ready to shard by county (issue #19, part 6; k8s/SCALING.md; Citus in issue #20). Citus needs the
 * distribution column `county_id` in every primary key and unique constraint of a distributed table and
 * in both sides of every foreign key between distributed tables. So:
 *
 * - a county-owned row's primary key is `(id, county_id)`, a township-owned row's (every table whose
 *   `township_id` is not null) `(id, county_id, township_id)`. `id` stays first: the ORM, the loaders and
 *   the foreign-key checks look rows up by id, and a key that begins with it keeps that one index probe
 *   (PostgreSQL matches a foreign key's referenced columns to a unique index in any order);
 * - foreign keys between tenant tables go through `(county_id, township_id, …)` when both sides belong to
 *   one township, `(county_id, …)` otherwise, so a row can no longer point at another county's or
 *   township's row; `on delete set null` nulls only the reference column (`set null (group_id)`);
 * - unique constraints gain `county_id` (keeping their names: error mapping reads them);
 * - `audit_log.county_id` becomes not null: the few rows about platform rows (the national calendar,
 *   written by the owner when seeding) are logged under the nil uuid, the platform's value in the
 *   metric catalog's and calendar's unique indexes, which no caller's county ever equals.
 *
 * Before changing anything, every existing reference the new keys would forbid is counted and the
 * migration stops with a message naming the table, the constraint and a row, instead of failing on the
 * first `add constraint` with PostgreSQL's generic violation (or worse, silently dropping the row).
 * `app_user (login)` stays unique across the platform (signing in names no county): the one documented
 * exception, see server/src/database/shard-plan.ts.
 */

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Rows owned by a township: `township_id` not null. Their key includes it. */
const TOWNSHIP_OWNED = [
  'term',
  'station',
  'quarterly_report',
  'quarterly_report_value',
  'period_figure',
  'election',
  'deputy_group',
  'deputy',
  'congress_session',
  'suggestion',
  'suggestion_proposer',
  'activity',
  'activity_participant',
  'voter_contact',
  'quarterly_report_revision',
  'record_coverage',
  'api_token',
  'duty_report',
  'deputy_report',
  'quarterly_report_review_action',
  'notification',
  'data_import',
];

/** Rows owned by a county (township optional or absent). */
const COUNTY_OWNED = [
  'township',
  'app_user',
  'account_invitation',
  'reporting_deadline',
  'saved_query',
  'performance_scheme',
  'audit_log',
];

type OnDelete = 'restrict' | 'cascade' | 'set null';

interface ForeignKey {
  table: string;
  column: string;
  references: string;
  onDelete: OnDelete;
}

/** Every foreign key between tenant tables, besides each table's `township_id` → `township`. */
const REFERENCES: ForeignKey[] = [
  { table: 'quarterly_report_value', column: 'report_id', references: 'quarterly_report', onDelete: 'cascade' },
  { table: 'period_figure', column: 'term_id', references: 'term', onDelete: 'restrict' },
  { table: 'deputy', column: 'group_id', references: 'deputy_group', onDelete: 'set null' },
  { table: 'deputy', column: 'station_id', references: 'station', onDelete: 'set null' },
  { table: 'deputy', column: 'term_id', references: 'term', onDelete: 'restrict' },
  { table: 'congress_session', column: 'term_id', references: 'term', onDelete: 'restrict' },
  { table: 'suggestion', column: 'session_id', references: 'congress_session', onDelete: 'set null' },
  { table: 'suggestion_proposer', column: 'deputy_id', references: 'deputy', onDelete: 'restrict' },
  { table: 'suggestion_proposer', column: 'suggestion_id', references: 'suggestion', onDelete: 'cascade' },
  { table: 'activity', column: 'group_id', references: 'deputy_group', onDelete: 'set null' },
  { table: 'activity', column: 'session_id', references: 'congress_session', onDelete: 'set null' },
  { table: 'activity', column: 'station_id', references: 'station', onDelete: 'set null' },
  { table: 'activity_participant', column: 'activity_id', references: 'activity', onDelete: 'cascade' },
  { table: 'activity_participant', column: 'deputy_id', references: 'deputy', onDelete: 'restrict' },
  { table: 'voter_contact', column: 'deputy_id', references: 'deputy', onDelete: 'set null' },
  { table: 'voter_contact', column: 'station_id', references: 'station', onDelete: 'set null' },
  { table: 'account_invitation', column: 'user_id', references: 'app_user', onDelete: 'cascade' },
  { table: 'quarterly_report_revision', column: 'report_id', references: 'quarterly_report', onDelete: 'cascade' },
  { table: 'duty_report', column: 'activity_id', references: 'activity', onDelete: 'set null' },
  { table: 'duty_report', column: 'deputy_id', references: 'deputy', onDelete: 'restrict' },
  { table: 'deputy_report', column: 'deputy_id', references: 'deputy', onDelete: 'restrict' },
  { table: 'deputy_report', column: 'station_id', references: 'station', onDelete: 'set null' },
  { table: 'quarterly_report_review_action', column: 'report_id', references: 'quarterly_report', onDelete: 'cascade' },
];

/** Unique constraints that gain `county_id` (first), by name: [table, columns before]. */
const UNIQUES: Record<string, [string, string[]]> = {
  term_township_id_name_unique: ['term', ['township_id', 'name']],
  station_township_id_name_unique: ['station', ['township_id', 'name']],
  deputy_group_township_id_name_unique: ['deputy_group', ['township_id', 'name']],
  quarterly_report_township_id_year_quarter_unique: ['quarterly_report', ['township_id', 'year', 'quarter']],
  quarterly_report_value_report_id_metric_key_unique: ['quarterly_report_value', ['report_id', 'metric_key']],
  congress_session_term_id_session_number_unique: ['congress_session', ['term_id', 'session_number']],
  suggestion_proposer_suggestion_id_deputy_id_unique: ['suggestion_proposer', ['suggestion_id', 'deputy_id']],
  activity_participant_activity_id_deputy_id_unique: ['activity_participant', ['activity_id', 'deputy_id']],
  app_user_deputy_id_unique: ['app_user', ['deputy_id']],
  quarterly_report_revision_report_id_revision_unique: ['quarterly_report_revision', ['report_id', 'revision']],
  quarterly_report_revision_township_id_idempotency_key_unique: [
    'quarterly_report_revision',
    ['township_id', 'idempotency_key'],
  ],
  record_coverage_township_id_record_kind_unique: ['record_coverage', ['township_id', 'record_kind']],
  api_token_token_hash_unique: ['api_token', ['token_hash']],
  account_invitation_token_hash_unique: ['account_invitation', ['token_hash']],
};

const townshipOwned = (table: string) => TOWNSHIP_OWNED.includes(table);
const quote = (columns: string[]) => columns.map((c) => `"${c}"`).join(', ');

/** Every foreign key this migration rebuilds: each township-scoped table's to `township`, then the others. */
function foreignKeys(): ForeignKey[] {
  const toTownship = [...TOWNSHIP_OWNED, 'app_user', 'account_invitation'].map(
    (table): ForeignKey => ({ table, column: 'township_id', references: 'township', onDelete: 'restrict' }),
  );
  return [...toTownship, ...REFERENCES];
}

/** The new key of a reference: through the township when both sides belong to one. */
function sharded(fk: ForeignKey): { columns: string[]; referenced: string[] } {
  if (fk.references === 'township') return { columns: ['county_id', 'township_id'], referenced: ['county_id', 'id'] };
  if (townshipOwned(fk.table) && townshipOwned(fk.references))
    return { columns: ['county_id', 'township_id', fk.column], referenced: ['county_id', 'township_id', 'id'] };
  return { columns: ['county_id', fk.column], referenced: ['county_id', 'id'] };
}

/** `renda_audit` as this migration leaves it (migration audit_row_json_once's down() restores it). */
export const AUDIT_WITH_NIL_COUNTY = `create or replace function renda_audit() returns trigger
      language plpgsql security definer set search_path = public as $$
    declare
      r jsonb;
      b jsonb;
      a jsonb;
    begin
      if tg_op = 'DELETE' then r := to_jsonb(old); else r := to_jsonb(new); end if;
      if tg_op in ('UPDATE', 'DELETE') then b := to_jsonb(old) - 'password_hash'; end if;
      if tg_op in ('INSERT', 'UPDATE') then a := to_jsonb(new) - 'password_hash'; end if;
      -- A platform row (no county) is logged under the nil uuid: audit_log is distributed by county_id.
      insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
      values (renda_user(), renda_role(), coalesce((r->>'county_id')::uuid, '${NIL_UUID}'::uuid),
        (r->>'township_id')::uuid, tg_table_name, (r->>'id')::uuid, tg_op,
        renda_redact_pii(b, false),
        renda_redact_pii(a, tg_op = 'UPDATE' and (b->'phone') is distinct from (a->'phone')));
      return null;
    end $$;`;

const constraintName = (fk: ForeignKey) => `${fk.table}_${fk.column}_foreign`;

export class Migration20261207014000_shard_keys extends Migration {
  override name = 'Migration20261207014000_shard_keys';

  override up(): void | Promise<void> {
    this.refuseForeignReferences();

    this.addSql(`update "audit_log" set "county_id" = '${NIL_UUID}' where "county_id" is null;`);
    this.addSql(`alter table "audit_log" alter column "county_id" set not null;`);
    this.addSql(AUDIT_WITH_NIL_COUNTY);

    for (const fk of foreignKeys()) this.addSql(`alter table "${fk.table}" drop constraint "${constraintName(fk)}";`);
    for (const table of [...COUNTY_OWNED, ...TOWNSHIP_OWNED]) {
      const key = townshipOwned(table) ? ['id', 'county_id', 'township_id'] : ['id', 'county_id'];
      this.addSql(`alter table "${table}" drop constraint "${table}_pkey";`);
      this.addSql(`alter table "${table}" add constraint "${table}_pkey" primary key (${quote(key)});`);
    }
    for (const [name, [table, columns]] of Object.entries(UNIQUES)) {
      this.addSql(`alter table "${table}" drop constraint "${name}";`);
      this.addSql(`alter table "${table}" add constraint "${name}" unique (${quote(['county_id', ...columns])});`);
    }
    for (const fk of foreignKeys()) {
      const { columns, referenced } = sharded(fk);
      const onDelete = fk.onDelete === 'set null' ? `set null ("${fk.column}")` : fk.onDelete;
      this.addSql(
        `alter table "${fk.table}" add constraint "${constraintName(fk)}" foreign key (${quote(columns)}) references "${fk.references}" (${quote(referenced)}) on delete ${onDelete};`,
      );
    }
  }

  override down(): void | Promise<void> {
    for (const fk of foreignKeys()) this.addSql(`alter table "${fk.table}" drop constraint "${constraintName(fk)}";`);
    for (const [name, [table, columns]] of Object.entries(UNIQUES)) {
      this.addSql(`alter table "${table}" drop constraint "${name}";`);
      this.addSql(`alter table "${table}" add constraint "${name}" unique (${quote(columns)});`);
    }
    for (const table of [...COUNTY_OWNED, ...TOWNSHIP_OWNED]) {
      this.addSql(`alter table "${table}" drop constraint "${table}_pkey";`);
      this.addSql(`alter table "${table}" add constraint "${table}_pkey" primary key ("id");`);
    }
    for (const fk of foreignKeys())
      this.addSql(
        `alter table "${fk.table}" add constraint "${constraintName(fk)}" foreign key ("${fk.column}") references "${fk.references}" ("id") on delete ${fk.onDelete};`,
      );
    this.addSql(`alter table "audit_log" alter column "county_id" drop not null;`);
    this.addSql(`update "audit_log" set "county_id" = null where "county_id" = '${NIL_UUID}';`);
    this.addSql(`create or replace function renda_audit() returns trigger
      language plpgsql security definer set search_path = public as $$
    declare
      r jsonb;
      b jsonb;
      a jsonb;
    begin
      if tg_op = 'DELETE' then r := to_jsonb(old); else r := to_jsonb(new); end if;
      if tg_op in ('UPDATE', 'DELETE') then b := to_jsonb(old) - 'password_hash'; end if;
      if tg_op in ('INSERT', 'UPDATE') then a := to_jsonb(new) - 'password_hash'; end if;
      insert into audit_log (user_id, role, county_id, township_id, table_name, row_id, action, before, after)
      values (renda_user(), renda_role(), (r->>'county_id')::uuid, (r->>'township_id')::uuid, tg_table_name, (r->>'id')::uuid, tg_op,
        renda_redact_pii(b, false),
        renda_redact_pii(a, tg_op = 'UPDATE' and (b->'phone') is distinct from (a->'phone')));
      return null;
    end $$;`);
  }

  /**
   * One statement that raises, before anything changes, when a row points at another county's or
   * township's row: the new keys cannot hold it, and which row to fix is a person's decision.
   */
  private refuseForeignReferences(): void {
    const checks = foreignKeys().map((fk) => {
      const { columns, referenced } = sharded(fk);
      const on = columns.map((c, i) => `p."${referenced[i]}" = c."${c}"`).join(' and ');
      return `
      select count(*), min(c.id::text) into n, sample from "${fk.table}" c
       where c."${fk.column}" is not null and not exists (select 1 from "${fk.references}" p where ${on});
      if n > 0 then
        raise exception 'shard keys: % row(s) of ${fk.table} reference a ${fk.references} of another county or township (${fk.table}.${fk.column}, constraint ${constraintName(fk)}; first: id %). Correct or delete them, then migrate again.', n, sample
          using errcode = 'foreign_key_violation';
      end if;`;
    });
    this.addSql(`do $$
    declare
      n bigint;
      sample text;
    begin${checks.join('')}
    end $$;`);
  }
}
