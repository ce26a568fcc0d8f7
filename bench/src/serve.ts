import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { SystemName } from './workloads.js';

/** What the orchestrator hands a contender's process (in BENCH_SERVE, as JSON). */
export interface ServeSpec {
  system: SystemName;
  appUrl: string;
  ownerUrl: string;
  jwtSecret: string;
  poolMax: number;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * One contender per process, so each has its own event loop and its memory can be read apart; the
 * load generator runs in the orchestrator. Replies { port } over IPC, stops on 'stop'.
 */
async function main(): Promise<void> {
  const spec = JSON.parse(process.env['BENCH_SERVE'] ?? '{}') as ServeSpec;
  let port: number;
  let stop: () => Promise<void>;
  if (spec.system === 'renda') {
    const { loadAppConfig } = await import('@renda/server/dist/config/app-config.js');
    const { createLogger } = await import('@renda/server/dist/common/logging/logger.js');
    const { startServer } = await import('@renda/server/dist/server/start-server.js');
    const running = await startServer(
      {
        ...loadAppConfig({}),
        port: 0,
        databaseUrl: spec.appUrl,
        migrationDatabaseUrl: spec.ownerUrl,
        migrateOnStart: false,
        seedWhenEmpty: false,
        jwtSecret: spec.jwtSecret,
        poolMax: spec.poolMax,
        // As deployed. The demo-account refusal runs only with migrations at start, which are off here.
        production: process.env['NODE_ENV'] === 'production',
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
    if (message === 'stop') void stop().finally(() => process.exit(0));
  });
  process.send?.({ port });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
