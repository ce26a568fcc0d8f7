import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedDatabase } from './embedded-database.js';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** DATABASE_URL when given; otherwise a real embedded PostgreSQL under `.data/pg`. */
export async function openDatabase(config: AppConfig, log?: (message: string) => void): Promise<OpenDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, close: async () => undefined };
  const embedded = await startEmbeddedDatabase({
    dataDir: config.embeddedPgDir,
    port: config.embeddedPgPort,
    databaseName: config.databaseName,
    ...(log ? { log } : {}),
  });
  return { url: embedded.url, embedded: true, close: () => embedded.stop() };
}
