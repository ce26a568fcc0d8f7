import 'reflect-metadata';
import { loadAppConfig } from './config/app-config.js';
import { createLogger } from './common/logging/logger.js';
import { startServer } from './server/start-server.js';

const logger = createLogger();
const server = await startServer(loadAppConfig(), logger);
logger.info('Renda is serving GraphQL', { url: server.url, embeddedDatabase: server.database.embedded });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  try {
    await server.stop();
    process.exit(0);
  } catch (error) {
    logger.error(error, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
