import 'reflect-metadata';
import { loadAppConfig } from './config/app-config.js';
import { createLogger } from './common/logging/logger.js';
import { startServer } from './server/start-server.js';

const logger = createLogger({ level: process.env['RENDA_LOG_LEVEL'] || 'info' });
// Node would print these as multi-line text; as one JSON line they reach the log pipeline whole.
// (An unhandled rejection arrives here too: Node's default mode turns it into an uncaught exception.)
process.on('uncaughtException', (error) => {
  logger.error(error, 'uncaught exception; exiting');
  process.exit(1);
});
const config = loadAppConfig();
const server = await startServer(config, logger);
logger.info('Renda is serving GraphQL', {
  url: server.url,
  port: server.port,
  metricsPort: server.metricsPort,
  embeddedDatabase: server.database.embedded,
  replicas: server.database.replicaUrls.length,
});

let stopping = false;
/**
 * SIGTERM (Kubernetes, after the preStop delay) or SIGINT (Ctrl-C): readiness fails at once, in-flight
 * requests finish, the pool closes, then the process exits. A second signal does not cut that short;
 * the orchestrator's grace period (SIGKILL) is the backstop.
 */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  try {
    await server.stop();
    logger.info('stopped', { signal });
    process.exit(0);
  } catch (error) {
    logger.error(error, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
