import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepoRoot } from '../config/app-config.js';
import { DEMO_PASSWORD } from '../seed/seed-demo-users.js';
import type { TestDatabase } from './test-database.js';
import { freePort } from '../common/net/free-port.js';
import { TEST_JWT_SECRET } from './test-server.js';
import { SERVER_NODE_FLAGS } from '../server/node-flags.js';

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Every JSON line the server wrote on stderr; `unparsed` holds any line that was not JSON. */
  log: Record<string, unknown>[];
  unparsed: string[];
  exited: Promise<number | null>;
  /** A bearer token for a seeded login. */
  token(login: string): Promise<string>;
  /** Resident memory now and its high-water mark, in MB, from /proc/<pid>/status. */
  memory(): Promise<{ rssMb: number; hwmMb: number }>;
  stop(): Promise<void>;
}

function statusField(status: string, name: string): number {
  const kb = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (kb === undefined) throw new Error(`${name} missing from /proc status`);
  return Number(kb) / 1024;
}

/**
 * The built server (`node dist/main.js`) in a process of its own, as a container runs it, over the given
 * database (seeded clone), on a free loopback port.
 */
export async function spawnServerProcess(db: TestDatabase, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const main = join(findRepoRoot(), 'server', 'dist', 'main.js');
  const { NODE_ENV: _nodeEnv, ...inherited } = process.env;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, main], {
    env: {
      ...inherited,
      PORT: String(port),
      DATABASE_URL: db.appUrl,
      MIGRATION_DATABASE_URL: db.ownerUrl,
      RENDA_SEED: 'false',
      RENDA_JWT_SECRET: TEST_JWT_SECRET,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log: Record<string, unknown>[] = [];
  const unparsed: string[] = [];
  let pending = '';
  let onLine: (() => void) | null = null;
  child.stderr!.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        log.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        unparsed.push(line);
      }
    }
    onLine?.();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${JSON.stringify(log)}`)), 60_000);
    onLine = () => {
      if (log.some((l) => l['message'] === 'Renda is serving GraphQL')) {
        clearTimeout(timer);
        resolve();
      }
    };
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${JSON.stringify(log)}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();
  return {
    child,
    base,
    log,
    unparsed,
    exited,
    async token(login) {
      const cached = tokens.get(login);
      if (cached) return cached;
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($input: LoginInput!) { login(input: $input) { token } }',
          variables: { input: { login, password: DEMO_PASSWORD } },
        }),
      });
      const body = (await response.json()) as { data?: { login: { token: string } } };
      if (!body.data) throw new Error(`login as ${login} failed: ${JSON.stringify(body)}`);
      tokens.set(login, body.data.login.token);
      return body.data.login.token;
    },
    async memory() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return { rssMb: statusField(status, 'VmRSS'), hwmMb: statusField(status, 'VmHWM') };
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
