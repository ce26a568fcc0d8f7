import 'reflect-metadata';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';

/**
 * The API server for the read-path probe, from a given server build (READ_PATH_SERVER_DIST: the current
 * server/dist or an older build kept aside), so two builds can be measured side by side in one run, round
 * after round, on a machine whose load drifts. Started as serve.ts starts the real server; answers
 * 'stats' over IPC with its CPU time and the time spent in garbage collection so far.
 */
interface Spec {
  appUrl: string;
  ownerUrl: string;
  jwtSecret: string;
  poolMax: number;
}

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

async function main(): Promise<void> {
  const spec = JSON.parse(process.env['BENCH_SERVE'] ?? '{}') as Spec;
  const dist = process.env['READ_PATH_SERVER_DIST'];
  if (!dist) throw new Error('READ_PATH_SERVER_DIST is not set');
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
  const running = await startServer(
    {
      // The read path is what is measured: repeated requests must execute, not come from the result cache.
      ...loadAppConfig({ RENDA_RESULT_CACHE_MB: '0' }),
      port: 0,
      databaseUrl: spec.appUrl,
      migrationDatabaseUrl: spec.ownerUrl,
      migrateOnStart: false,
      seedWhenEmpty: false,
      jwtSecret: spec.jwtSecret,
      poolMax: spec.poolMax,
      production: true,
      rateLimit: { perUser: 1_000_000_000, perAddress: 1_000_000_000, windowSeconds: 60 },
    },
    createLogger({ level: 'warn' }),
  );
  process.on('message', (message) => {
    if (message === 'stats') {
      const cpu = process.cpuUsage();
      process.send?.({ gcMs, cpuMs: (cpu.user + cpu.system) / 1000 });
    } else if (message === 'stop') {
      void running.stop().finally(() => process.exit(0));
    }
  });
  process.send?.({ port: running.port });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
