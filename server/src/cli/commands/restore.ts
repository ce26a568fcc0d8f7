import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Command } from 'commander';
import { withCliContext } from '../cli-context.js';
import { cliOutput } from '../cli-output.js';
import { cliErrors } from '../cli.errors.js';
import { findPgTool, runPgTool } from '../backup/pg-tools.js';
import { tableFingerprints } from '../backup/table-fingerprints.js';
import { BACKUP_FORMAT, DUMP_FILE, MANIFEST_FILE, sha256File, type BackupManifest } from '../backup/manifest.js';

function readManifest(dir: string): BackupManifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) throw cliErrors.backupInvalid(dir, `no ${MANIFEST_FILE}`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  } catch {
    throw cliErrors.backupInvalid(dir, `${MANIFEST_FILE} is not JSON`);
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== 1)
    throw cliErrors.backupInvalid(dir, 'unknown manifest format');
  return manifest;
}

/**
 * Restores a backup into an empty database (no table in its public schema), in one transaction, then
 * fingerprints every table again and compares with the manifest: a restore that does not reproduce the
 * backup row for row fails loudly instead of serving wrong data.
 */
export async function restoreDatabase(ownerUrl: string, fromDir: string): Promise<BackupManifest> {
  const dir = resolve(fromDir);
  const manifest = readManifest(dir);
  const dump = manifest.files.find((f) => f.name === DUMP_FILE);
  const dumpPath = join(dir, DUMP_FILE);
  if (!dump || !existsSync(dumpPath)) throw cliErrors.backupInvalid(dir, `no ${DUMP_FILE}`);
  if ((await sha256File(dumpPath)) !== dump.sha256) throw cliErrors.backupInvalid(dir, 'checksum mismatch');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const state = await client.query<{ num: string; tables: string }>(
      `select current_setting('server_version_num') as num,
              (select count(*) from pg_tables where schemaname = 'public') as tables`,
    );
    const tables = Number(state.rows[0]!.tables);
    if (tables > 0) throw cliErrors.restoreTargetNotEmpty(tables);
    const pgRestore = await findPgTool('pg_restore', Math.floor(Number(state.rows[0]!.num) / 10000));
    await runPgTool(pgRestore, 'pg_restore', ownerUrl, [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      dumpPath,
    ]);
    const restored = new Map((await tableFingerprints(client)).map((t) => [t.name, t]));
    const differing = manifest.tables
      .filter((t) => {
        const now = restored.get(t.name);
        return !now || now.rows !== t.rows || now.checksum !== t.checksum;
      })
      .map((t) => t.name);
    if (differing.length > 0) throw cliErrors.restoreMismatch(differing);
    return manifest;
  } finally {
    await client.end();
  }
}

export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description('从备份恢复到空数据库 / Restore a backup into an empty database')
    .requiredOption('--from <dir>', 'a folder written by renda backup')
    .option('--json', 'machine-readable output')
    .action(async (options: { from: string; json?: boolean }) => {
      const out = cliOutput(options.json ?? false);
      const manifest = await withCliContext({ requireMigrated: false }, (ctx) =>
        restoreDatabase(ctx.ownerUrl, options.from),
      );
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      out.result(
        { restored: true, from: resolve(options.from), createdAt: manifest.createdAt, tables: manifest.tables },
        [
          `已恢复 / restored the backup of ${manifest.createdAt}: ${manifest.tables.length} tables, ${rows} rows, each checked against the manifest`,
        ],
      );
    });
}
