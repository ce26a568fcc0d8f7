import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Command } from 'commander';
import { withCliContext } from '../cli-context.js';
import { cliOutput } from '../cli-output.js';
import { cliErrors } from '../cli.errors.js';
import { findPgTool, runPgTool } from '../backup/pg-tools.js';
import { tableFingerprints } from '../backup/table-fingerprints.js';
import {
  BACKUP_FORMAT,
  DUMP_FILE,
  MANIFEST_FILE,
  rendaVersion,
  sha256File,
  type BackupManifest,
} from '../backup/manifest.js';

/**
 * Dumps the database (pg_dump, custom format) and writes the manifest, both from one snapshot: this
 * connection exports it and holds it while pg_dump reads through `--snapshot`, so the row counts and
 * checksums describe exactly the dumped data even while the server keeps writing.
 */
export async function backupDatabase(ownerUrl: string, outDir: string): Promise<BackupManifest> {
  const dir = resolve(outDir);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw cliErrors.backupTargetNotEmpty(dir);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const version = await client.query<{ num: string; text: string; db: string }>(
      `select current_setting('server_version_num') as num, current_setting('server_version') as text, current_database() as db`,
    );
    const { num, text, db } = version.rows[0]!;
    const pgDump = await findPgTool('pg_dump', Math.floor(Number(num) / 10000));
    mkdirSync(dir, { recursive: true });
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id;
    const migrations = (
      await client
        .query<{ name: string }>(`select name from mikro_orm_migrations order by id`)
        .catch(() => ({ rows: [] as { name: string }[] }))
    ).rows.map((row) => row.name);
    const tables = await tableFingerprints(client);
    const dumpPath = join(dir, DUMP_FILE);
    await runPgTool(pgDump, 'pg_dump', ownerUrl, ['--format=custom', `--snapshot=${snapshot}`, `--file=${dumpPath}`]);
    await client.query('commit');
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      rendaVersion: rendaVersion(),
      postgres: { serverVersion: text, pgDumpMajor: pgDump.major },
      database: db,
      migrations,
      tables,
      files: [{ name: DUMP_FILE, bytes: statSync(dumpPath).size, sha256: await sha256File(dumpPath) }],
    };
    writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await client.end();
  }
}

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('备份数据库（pg_dump 与清单）/ Back up the database (pg_dump and a manifest)')
    .requiredOption('--out <dir>', 'a new or empty folder')
    .option('--json', 'machine-readable output')
    .action(async (options: { out: string; json?: boolean }) => {
      const out = cliOutput(options.json ?? false);
      const manifest = await withCliContext({ requireMigrated: false }, (ctx) =>
        backupDatabase(ctx.ownerUrl, options.out),
      );
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      out.result({ dir: resolve(options.out), ...manifest }, [
        `已备份 / backed up ${manifest.database}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.migrations.length} migrations`,
        `  ${join(resolve(options.out), DUMP_FILE)} (${manifest.files[0]!.bytes} bytes, sha256 ${manifest.files[0]!.sha256})`,
        `  ${join(resolve(options.out), MANIFEST_FILE)}`,
      ]);
    });
}
