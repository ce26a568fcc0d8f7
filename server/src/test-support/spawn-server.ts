import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findRepoRoot } from '../config/app-config.js';
import { SERVER_NODE_FLAGS } from '../server/node-flags.js';

export interface ServerProcess {
  child: ChildProcess;
  /** The server's JSON log lines so far. */
  log: Record<string, unknown>[];
  exited: Promise<number | null>;
}

/** The built server (`node dist/main.js`) in a process of its own, as a container runs it. */
export async function spawnServer(env: Record<string, string>, startTimeoutMs = 30_000): Promise<ServerProcess> {
  const main = join(findRepoRoot(), 'server', 'dist', 'main.js');
  const { NODE_ENV: _nodeEnv, DATABASE_URL: _url, MIGRATION_DATABASE_URL: _owner, ...inherited } = process.env;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, main], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log: Record<string, unknown>[] = [];
  let pending = '';
  let onLine: (() => void) | null = null;
  child.stderr!.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) log.push(JSON.parse(line) as Record<string, unknown>);
    onLine?.();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${JSON.stringify(log)}`)), startTimeoutMs);
    onLine = () => {
      if (log.some((l) => l['message'] === 'Renda is serving GraphQL')) {
        clearTimeout(timer);
        resolve();
      }
    };
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${JSON.stringify(log)}`)));
  });
  return { child, log, exited };
}
