import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ServeSpec } from './serve.js';
import { SERVER_NODE_FLAGS } from '@renda/server/dist/server/node-flags.js';

export interface Contender {
  system: ServeSpec['system'];
  url: string;
  pid: number;
  /** Resident and peak resident memory of the contender's process, in MiB (Linux /proc). */
  memory(): { rssMiB: number; peakMiB: number };
  stop(): Promise<void>;
}

function statusKiB(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

/** Starts one contender in its own Node process (bench/dist/serve.js) and waits for its port. */
export function startContender(spec: ServeSpec): Promise<Contender> {
  // RENDA_BENCH_CPU_PROF=<dir>: each system's process writes a V8 CPU profile to <dir>/<system> when it
  // stops (summarise it with `node dist/profile-summary.js <file>`), so the API's can be read beside
  // PostGraphile's.
  const profileRoot = process.env['RENDA_BENCH_CPU_PROF'];
  const profileDir = profileRoot ? `${profileRoot}/${spec.system}` : undefined;
  // The API runs with the options it is deployed with (npm start, the container).
  const nodeFlags = spec.system === 'renda' ? SERVER_NODE_FLAGS : [];
  const child: ChildProcess = fork(new URL('./serve.js', import.meta.url), [], {
    execArgv: [...process.execArgv, ...nodeFlags, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])],
    // Production mode for all three, as they would serve: graphql-js's development-mode instanceOf
    // check alone costs the API several percent of its CPU, and PostGraphile warns without GRAPHILE_ENV.
    env: { NODE_ENV: 'production', GRAPHILE_ENV: 'production', ...process.env, BENCH_SERVE: JSON.stringify(spec) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${spec.system} exited with ${String(code)} before listening`)));
    child.once('message', (message) => {
      const { port } = message as { port: number };
      const pid = child.pid!;
      child.removeAllListeners('exit');
      resolve({
        system: spec.system,
        url: `http://127.0.0.1:${port}/graphql`,
        pid,
        memory: () => ({ rssMiB: statusKiB(pid, 'VmRSS') / 1024, peakMiB: statusKiB(pid, 'VmHWM') / 1024 }),
        stop: () =>
          new Promise<void>((done) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            child.send('stop');
          }),
      });
    });
  });
}
