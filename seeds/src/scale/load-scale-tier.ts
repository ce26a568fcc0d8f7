import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyLine, type CopyValue } from './copy-text.js';
import { TABLE_SPECS, USER_COLUMNS, userRows } from './scale-rows.js';
import type { ScaleTier } from './scale-tiers.js';

export interface LoadProgress {
  table: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  done: boolean;
}

export interface LoadScaleOptions {
  /** The owner role (BYPASSRLS) on a migrated, empty database. */
  databaseUrl: string;
  tier: ScaleTier;
  /** Encoded hash of the demo password, computed once by the caller (argon2 belongs to the server). */
  passwordHash: string;
  onProgress?: (progress: LoadProgress) => void;
  /** How often progress is reported while a table loads. */
  progressIntervalMs?: number;
}

export interface LoadScaleResult {
  tables: LoadProgress[];
  rows: number;
  seconds: number;
}

// ~256 KB per write: large enough that the COPY protocol, not JS string work, sets the pace.
const CHUNK_CHARS = 256 * 1024;

/** Groups COPY lines into large chunks and reports progress as it goes. */
function* chunks(
  rows: Iterable<CopyValue[]>,
  report: (rows: number, done: boolean) => void,
  intervalMs: number,
): Generator<string> {
  let buffer = '';
  let count = 0;
  let lastReport = Date.now();
  for (const row of rows) {
    buffer += copyLine(row);
    count++;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
      if (Date.now() - lastReport >= intervalMs) {
        lastReport = Date.now();
        report(count, false);
      }
    }
  }
  if (buffer) yield buffer;
  // Streamed; the table is done only when PostgreSQL has run the foreign-key checks COPY queued.
  report(count, false);
}

/**
 * Streams a tier into the database with COPY, table by table in foreign-key order, in one transaction
 * (a failed load leaves nothing behind). User triggers (the audit trail) are off for the load: synthetic
 * bulk data has no author to audit, and the trigger would double every write.
 */
export async function loadScaleTier(options: LoadScaleOptions): Promise<LoadScaleResult> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const started = performance.now();
  const tables: LoadProgress[] = [];
  const specs = [
    ...TABLE_SPECS.map((s) => ({ table: s.table, columns: s.columns, rows: () => s.rows(options.tier) })),
    { table: 'app_user', columns: USER_COLUMNS, rows: () => userRows(options.tier, options.passwordHash) },
  ];
  try {
    await client.query('begin');
    for (const spec of specs) await client.query(`alter table "${spec.table}" disable trigger user`);
    // Foreign keys are dropped for the load and added back after it: COPY checks each row's keys one by
    // one at the end of the statement (40 million participants × 4 keys held the national load for
    // over 12 minutes), while adding a constraint validates all rows in one join per key.
    const foreignKeys = await client.query<{ table: string; name: string; definition: string }>(
      `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
         from pg_constraint c where c.contype = 'f' and c.conrelid = any($1::regclass[])`,
      [specs.map((s) => s.table)],
    );
    for (const fk of foreignKeys.rows) await client.query(`alter table ${fk.table} drop constraint "${fk.name}"`);
    for (const spec of specs) {
      const tableStart = performance.now();
      let last: LoadProgress | null = null;
      const report = (rows: number, done: boolean) => {
        const seconds = (performance.now() - tableStart) / 1000;
        last = { table: spec.table, rows, seconds, rowsPerSecond: seconds > 0 ? rows / seconds : rows, done };
        options.onProgress?.(last);
      };
      const copy = client.query(
        copyFrom(`copy "${spec.table}" (${spec.columns.map((c) => `"${c}"`).join(', ')}) from stdin`),
      );
      let rows = 0;
      await pipeline(
        Readable.from(
          chunks(
            spec.rows(),
            (n, done) => {
              rows = n;
              report(n, done);
            },
            options.progressIntervalMs ?? 1000,
          ),
        ),
        copy,
      );
      report(rows, true);
      if (last) tables.push(last);
    }
    for (const fk of foreignKeys.rows) {
      const started = performance.now();
      await client.query(`alter table ${fk.table} add constraint "${fk.name}" ${fk.definition}`);
      options.onProgress?.({
        table: `${fk.table} ${fk.name}`,
        rows: 0,
        seconds: (performance.now() - started) / 1000,
        rowsPerSecond: 0,
        done: true,
      });
    }
    for (const spec of specs) await client.query(`alter table "${spec.table}" enable trigger user`);
    // Sign-in finds a login's county in the login directory (server: modules/auth/login-directory.ts).
    await client.query(
      `insert into login_directory (login, county_id, user_id)
       select u.login, u.county_id, u.id from app_user u
        where not exists (select 1 from login_directory d where d.login = u.login)`,
    );
    await client.query('commit');
    // Fresh statistics, or the first benchmark runs on plans made for empty tables. Vacuumed as well: left
    // to autovacuum, the freshly loaded tables (69 million rows at the national tier) were vacuumed during
    // the first benchmark, and without visibility maps index-only scans read the heap (national B3: 243 s
    // right after loading, 135 s once vacuumed).
    await client.query('vacuum (freeze, analyze)');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return {
    tables,
    rows: tables.reduce((sum, t) => sum + t.rows, 0),
    seconds: (performance.now() - started) / 1000,
  };
}
