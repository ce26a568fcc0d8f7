import 'reflect-metadata';
import { loadAppConfig } from '../config/app-config.js';
import { createLogger } from '../common/logging/logger.js';
import { openDatabase } from '../database/open-database.js';
import { prepareDatabase } from '../server/prepare-database.js';

/**
 * The migration job (`node dist/cli/migrate-command.js`): as the owner role (MIGRATION_DATABASE_URL),
 * apply pending migrations, seed an empty database when RENDA_SEED allows, and fail while production
 * has active demo accounts, so a rollout never starts against an unmigrated or unsafe database.
 */
const logger = createLogger({ level: process.env['RENDA_LOG_LEVEL'] || 'info' });
const config = loadAppConfig();
if (!config.migrationDatabaseUrl) {
  logger.error(new Error('MIGRATION_DATABASE_URL is required'), 'migration job misconfigured');
  process.exit(2);
}
// The owner URL is all the job needs; it never starts an embedded database.
const database = await openDatabase({ ...config, databaseUrl: config.databaseUrl ?? config.migrationDatabaseUrl });
try {
  await prepareDatabase(config, database, logger);
  logger.info('database is up to date');
} catch (error) {
  logger.error(error, 'migration failed');
  process.exitCode = 1;
} finally {
  await database.close();
}
