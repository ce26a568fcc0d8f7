import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import type { SystemName } from './workloads.js';

/** What the orchestrator hands a contender's process (in BENCH_SERVE, as JSON). */
export interface ServeSpec {
  system: SystemName;
  appUrl: string;
  ownerUrl: string;
  jwtSecret: string;
  poolMax: number;
  /**
   * Renda only: the server build to start (a server/dist folder, e.g. an older build kept aside, so two
   * builds can be measured side by side: read-path-probe.ts); the workspace's current build by default.
   */
  serverDist?: string;
  /** Renda only: NODE_ENV=production's behaviour regardless of the environment. */
  production?: boolean;
  /**
   * Renda only: keep the result cache on. Off unless asked: a counted run repeats the same requests with
   * no write in between, so with the cache every timed request after the warm-up would be a hit, and the
   * comparison with PostGraphile and the floor (which run every request) would measure the cache, not
   * the read path. `result-cache-cli.ts` measures the cache itself.
   */
  resultCache?: boolean;
  /** PostGraphile and the floor on a Citus cluster: share the identity with the workers as the API does. */
  shareSettings?: boolean;
}

/** The current build of the server, as the workspace dependency resolves it. */
function currentServerDist(): string {
  return join(fileURLToPath(import.meta.resolve('@renda/server/dist/config/app-config.js')), '..', '..');
}

// GC pauses so far, answered with the CPU time on 'stats' (read-path-probe.ts)
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * One contender per process, so each has its own event loop and its memory can be read apart; the
 * load generator runs in the orchestrator. Replies { port } over IPC, { gcMs, cpuMs } (its CPU time
 * and GC pauses so far) on 'stats', stops on 'stop'.
 */
async function main(): Promise<void> {
  const spec = JSON.parse(process.env['BENCH_SERVE'] ?? '{}') as ServeSpec;
  let port: number;
  let stop: () => Promise<void>;
  if (spec.system === 'renda') {
    const dist = spec.serverDist ?? currentServerDist();
    const load = (file: string) => import(pathToFileURL(join(dist, file)).href);
    const { loadAppConfig } = (await load(
      'config/app-config.js',
    )) as typeof import('@renda/server/dist/config/app-config.js');
    const { createLogger } = (await load(
      'common/logging/logger.js',
    )) as typeof import('@renda/server/dist/common/logging/logger.js');
    const { startServer } = (await load(
      'server/start-server.js',
    )) as typeof import('@renda/server/dist/server/start-server.js');
    const config = loadAppConfig({});
    const running = await startServer(
      {
        ...config,
        resultCacheBytes: spec.resultCache ? config.resultCacheBytes : 0,
        port: 0,
        databaseUrl: spec.appUrl,
        migrationDatabaseUrl: spec.ownerUrl,
        migrateOnStart: false,
        seedWhenEmpty: false,
        jwtSecret: spec.jwtSecret,
        poolMax: spec.poolMax,
        // As deployed. The demo-account refusal runs only with migrations at start, which are off here.
        production: spec.production ?? process.env['NODE_ENV'] === 'production',
        // The load generator is one client sending as fast as the server answers: the flood the rate
        // limit exists to stop. The limiter still runs (its cost is measured), with limits out of reach.
        rateLimit: { perUser: 1_000_000_000, perAddress: 1_000_000_000, windowSeconds: 60 },
      },
      // Warnings only: PostGraphile and the floor log nothing per request either.
      createLogger({ level: 'warn' }),
    );
    port = running.port;
    stop = () => running.stop();
  } else if (spec.system === 'postgraphile') {
    const { createPostGraphileServer } = await import('./postgraphile-server.js');
    const started = await createPostGraphileServer(spec);
    port = await listen(started.server);
    stop = started.close;
  } else {
    const { createFloorServer } = await import('./floor-server.js');
    const started = createFloorServer(spec);
    port = await listen(started.server);
    stop = started.close;
  }
  process.on('message', (message) => {
    if (message === 'stats') {
      const cpu = process.cpuUsage();
      process.send?.({ gcMs, cpuMs: (cpu.user + cpu.system) / 1000 });
    } else if (message === 'stop') {
      void stop().finally(() => process.exit(0));
    }
  });
  process.send?.({ port });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
