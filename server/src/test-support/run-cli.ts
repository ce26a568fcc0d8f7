import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { findRepoRoot } from '../config/app-config.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Variables of the developer's shell that would point the command elsewhere; tests give their own. */
const CLEARED = ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'DATABASE_REPLICA_URLS', 'NODE_ENV', 'RENDA_SEED'];

/** Runs the compiled `renda` command (server/dist/cli/main.js) as an operator would, with `env` added. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !CLEARED.includes(key)));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(findRepoRoot(), 'server', 'dist', 'cli', 'main.js'), ...args],
      { env: { ...base, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs a `--json` command that must succeed and returns its parsed output. */
export async function runCliJson<T>(args: string[], env: Record<string, string>): Promise<T> {
  const run = await runCli([...args, '--json'], env);
  if (run.code !== 0) throw new Error(`renda ${args.join(' ')} failed (${run.code}): ${run.stdout}${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
