import type pg from 'pg';

/** A table's row count and a checksum of its rows, independent of their physical order. */
export interface TableFingerprint {
  name: string;
  rows: number;
  /** md5 over the sorted md5s of every row's text form. */
  checksum: string;
}

/** Every table of the public schema (the migrations' table included), fingerprinted in the client's snapshot. */
export async function tableFingerprints(client: pg.Client): Promise<TableFingerprint[]> {
  // Rows are hashed in their text form, which depends on these settings: fix them, so a backup and its
  // restore on a server configured otherwise hash alike.
  await client.query(
    `set timezone = 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set extra_float_digits = 1`,
  );
  const tables = await client.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const result: TableFingerprint[] = [];
  for (const { name } of tables.rows) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const row = await client.query<{ rows: string; checksum: string }>(
      `select count(*) as rows, md5(coalesce(string_agg(h, '' order by h), '')) as checksum
         from (select md5(t::text) as h from ${quoted} t) hashed`,
    );
    result.push({ name, rows: Number(row.rows[0]!.rows), checksum: row.rows[0]!.checksum });
  }
  return result;
}
