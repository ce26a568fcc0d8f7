import type pg from 'pg';
import { DISTRIBUTION_COLUMN, UNIQUE_WITHOUT_DISTRIBUTION_COLUMN, shardKindOf, type ShardKind } from './shard-plan.js';

interface TableRow {
  table: string;
  distributionNotNull: boolean | null;
  townshipNotNull: boolean | null;
}

interface UniqueRow {
  table: string;
  name: string;
  kind: 'primary key' | 'unique constraint' | 'unique index' | 'exclusion constraint';
  columns: (string | null)[];
}

interface ForeignKeyRow {
  table: string;
  name: string;
  columns: string[];
  references: string;
  referenced: string[];
  /** pg_constraint.confdeltype: a no action, r restrict, c cascade, n set null, d set default. */
  onDelete: string;
}

/** Catalog rows of the public schema's ordinary and partitioned tables. */
async function readCatalog(client: pg.Client) {
  const tables = await client.query<TableRow>(
    `select c.relname as "table",
            (select a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = $1 and not a.attisdropped)
              as "distributionNotNull",
            (select a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'township_id' and not a.attisdropped)
              as "townshipNotNull"
       from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      order by 1`,
    [DISTRIBUTION_COLUMN],
  );
  // Every unique index, whether a constraint owns it or not; an expression column reads as null.
  const uniques = await client.query<UniqueRow>(
    `select t.relname as "table", i.relname as name,
            case when x.indisprimary then 'primary key'
                 when con.contype = 'x' then 'exclusion constraint'
                 when con.contype = 'u' then 'unique constraint'
                 else 'unique index' end as kind,
            array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality k(attnum, n)
                    left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
                   where k.n <= x.indnkeyatts order by k.n) as columns
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class t on t.oid = x.indrelid
       left join pg_constraint con on con.conindid = x.indexrelid and con.conrelid = x.indrelid
      where t.relnamespace = 'public'::regnamespace and (x.indisunique or con.contype = 'x')
      order by 1, 2`,
  );
  const foreignKeys = await client.query<ForeignKeyRow>(
    `select c.conrelid::regclass::text as "table", c.conname as name,
            array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns,
            c.confrelid::regclass::text as "references",
            array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.n) as referenced,
            c.confdeltype as "onDelete"
       from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
      order by 1, 2`,
  );
  return { tables: tables.rows, uniques: uniques.rows, foreignKeys: foreignKeys.rows };
}

/**
 * What in the schema breaks Citus's rules for the kinds of `shard-plan.ts` (one sentence per violation;
 * none when the schema can be distributed as planned):
 * - every table is classified, and every classified table exists;
 * - a distributed table has `county_id` not null, and `county_id` in its primary key and in every unique
 *   constraint, unique index and exclusion constraint (except the documented ones);
 * - a foreign key between distributed tables carries `county_id` at the same position on both sides, and
 *   `township_id` too when both tables belong to a township (`township_id` not null) and the referenced
 *   table is not `township` itself; and it neither sets null nor a default on delete (Citus refuses both
 *   when the key carries the distribution column: renda_clear_references() triggers clear such references);
 * - a reference table references only reference tables, and is referenced only from distributed or
 *   reference tables; a local table has no foreign key to or from a distributed or reference table.
 */
export async function shardRuleViolations(client: pg.Client, classified: readonly string[]): Promise<string[]> {
  const { tables, uniques, foreignKeys } = await readCatalog(client);
  const violations: string[] = [];
  const kind = new Map<string, ShardKind | undefined>(tables.map((t) => [t.table, shardKindOf(t.table)]));
  const byName = new Map(tables.map((t) => [t.table, t]));

  for (const t of tables)
    if (kind.get(t.table) === undefined) violations.push(`${t.table}: not classified in shard-plan.ts`);
  for (const name of classified)
    if (!byName.has(name)) violations.push(`${name}: classified in shard-plan.ts but no such table`);

  for (const t of tables.filter((row) => kind.get(row.table) === 'distributed')) {
    if (t.distributionNotNull !== true)
      violations.push(
        `${t.table}: distributed, but ${DISTRIBUTION_COLUMN} is ${t.distributionNotNull === null ? 'missing' : 'nullable'}`,
      );
    if (!uniques.some((u) => u.table === t.table && u.kind === 'primary key'))
      violations.push(`${t.table}: distributed, but has no primary key`);
  }
  for (const u of uniques) {
    if (kind.get(u.table) !== 'distributed' || u.columns.includes(DISTRIBUTION_COLUMN)) continue;
    if (u.name in UNIQUE_WITHOUT_DISTRIBUTION_COLUMN) continue;
    violations.push(
      `${u.table}: ${u.kind} ${u.name} (${u.columns.map((c) => c ?? '<expression>').join(', ')}) lacks ${DISTRIBUTION_COLUMN}`,
    );
  }
  for (const name of Object.keys(UNIQUE_WITHOUT_DISTRIBUTION_COLUMN))
    if (!uniques.some((u) => u.name === name)) violations.push(`${name}: listed as an exception but no such index`);

  for (const fk of foreignKeys) {
    const from = kind.get(fk.table);
    const to = kind.get(fk.references);
    const label = `${fk.table}.${fk.name} (${fk.columns.join(', ')}) → ${fk.references} (${fk.referenced.join(', ')})`;
    if (from === 'distributed' && to === 'distributed') {
      const at = fk.columns.indexOf(DISTRIBUTION_COLUMN);
      if (at < 0 || fk.referenced[at] !== DISTRIBUTION_COLUMN)
        violations.push(
          `${label}: a foreign key between distributed tables must pair ${DISTRIBUTION_COLUMN} with ${DISTRIBUTION_COLUMN}`,
        );
      const oneTownship =
        fk.references !== 'township' &&
        byName.get(fk.table)?.townshipNotNull &&
        byName.get(fk.references)?.townshipNotNull;
      const township = fk.columns.indexOf('township_id');
      if (oneTownship && (township < 0 || fk.referenced[township] !== 'township_id'))
        violations.push(
          `${label}: both rows belong to one township, so the key must pair township_id with township_id`,
        );
      if (fk.onDelete === 'n' || fk.onDelete === 'd')
        violations.push(
          `${label}: Citus refuses on delete set null or set default on a key with ${DISTRIBUTION_COLUMN}`,
        );
    }
    if (from === 'reference' && to !== 'reference')
      violations.push(`${label}: a reference table may only reference reference tables`);
    if (to === 'reference' && from !== 'distributed' && from !== 'reference')
      violations.push(`${label}: a reference table may only be referenced from distributed or reference tables`);
    if ((from === 'local') !== (to === 'local')) violations.push(`${label}: a local table is linked with a shared one`);
  }
  return violations;
}
