import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TableFingerprint } from './table-fingerprints.js';

export const MANIFEST_FILE = 'manifest.json';
export const DUMP_FILE = 'database.dump';
export const BACKUP_FORMAT = 'renda-backup';

/** What `renda backup` writes beside the dump, and `renda restore` checks before and after restoring. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  createdAt: string;
  /** The server package's version that made the backup. */
  rendaVersion: string;
  postgres: { serverVersion: string; pgDumpMajor: number };
  database: string;
  /** Migrations applied to the database, oldest first. */
  migrations: string[];
  /** Every table, fingerprinted in the same snapshot as the dump. */
  tables: TableFingerprint[];
  files: { name: string; bytes: number; sha256: string }[];
}

export function rendaVersion(): string {
  try {
    // dist/cli/backup/manifest.js and src/cli/backup/manifest.ts both sit three folders below server/.
    const path = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'package.json');
    return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
