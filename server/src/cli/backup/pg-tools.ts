import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cliErrors } from '../cli.errors.js';

const run = promisify(execFile);

export type PgTool = 'pg_dump' | 'pg_restore';

/** A PostgreSQL client tool able to work with a server of `serverMajor` (its major version at least as high). */
export interface FoundTool {
  path: string;
  major: number;
}

async function majorOf(path: string): Promise<number | null> {
  try {
    const { stdout } = await run(path, ['--version']);
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Where to look: RENDA_PG_BIN, then Debian's /usr/lib/postgresql/<major>/bin (newest first), then PATH.
 * pg_dump refuses a server newer than itself, so the first tool at least as new as the server wins.
 */
export async function findPgTool(
  tool: PgTool,
  serverMajor: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FoundTool> {
  const candidates: string[] = [];
  if (env['RENDA_PG_BIN']) candidates.push(join(env['RENDA_PG_BIN'], tool));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      candidates.push(join(debian, version, 'bin', tool));
  }
  candidates.push(tool);
  let newest: FoundTool | null = null;
  for (const path of candidates) {
    if (path.includes('/') && !existsSync(path)) continue;
    const major = await majorOf(path);
    if (major === null) continue;
    if (major >= serverMajor) return { path, major };
    if (!newest || major > newest.major) newest = { path, major };
  }
  if (newest) throw cliErrors.pgToolTooOld(tool, newest.major, serverMajor);
  throw cliErrors.pgToolMissing(tool);
}

/**
 * Runs a tool against a database URL without putting the password on the command line (where `ps`
 * shows it): it goes through PGPASSWORD.
 */
export async function runPgTool(tool: FoundTool, name: PgTool, databaseUrl: string, args: string[]): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  try {
    await run(tool.path, [...args, `--dbname=${url.toString()}`], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? (error instanceof Error ? error.message : String(error));
    throw cliErrors.pgToolFailed(name, stderr.trim().split('\n').slice(-5).join(' | '));
  }
}
