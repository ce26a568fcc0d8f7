import 'reflect-metadata';
import pg from 'pg';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { loadAppConfig, type AppConfig } from '../config/app-config.js';
import { openDatabase } from '../database/open-database.js';
import { createOrm } from '../database/create-orm.js';
import { roleUrl } from '../database/provision-roles.js';
import { cliErrors } from './cli.errors.js';

/** What every command gets: the owner role's ORM on the configured or embedded database. */
export interface CliContext {
  config: AppConfig;
  /** The owner role's URL (MIGRATION_DATABASE_URL, else DATABASE_URL, else the embedded database's). */
  ownerUrl: string;
  embedded: boolean;
  orm: MikroORM;
  em(): EntityManager;
  close(): Promise<void>;
}

export interface CliContextOptions {
  /** Refuse while migrations are pending (every command but migrate, backup and restore). */
  requireMigrated?: boolean;
  /** Refuse unless the role bypasses row-level security (the owner): everything that writes. */
  requireOwner?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * The embedded PostgreSQL a running server already supervises (`npm start` in another terminal): the
 * command then uses it as it is, for starting a second supervisor on its folder would stop the first one's.
 */
async function runningEmbeddedOwnerUrl(config: AppConfig): Promise<string | null> {
  const url = roleUrl(`postgres://127.0.0.1:${config.embeddedPgPort}/`, config.databaseName, 'owner');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openCliContext(options: CliContextOptions = {}): Promise<CliContext> {
  const config = loadAppConfig(options.env);
  let ownerUrl: string;
  let embedded = false;
  let stopDatabase = async (): Promise<void> => undefined;
  if (config.databaseUrl || config.migrationDatabaseUrl) {
    ownerUrl = (config.migrationDatabaseUrl ?? config.databaseUrl)!;
  } else {
    embedded = true;
    const running = await runningEmbeddedOwnerUrl(config);
    if (running) ownerUrl = running;
    else {
      const database = await openDatabase(config);
      ownerUrl = database.ownerUrl;
      stopDatabase = () => database.close();
    }
  }
  let orm: MikroORM | null = null;
  try {
    orm = await createOrm({ clientUrl: ownerUrl, poolMax: 2 });
    if (options.requireOwner ?? true) {
      const [role] = await orm.em
        .fork()
        .execute<{ name: string; privileged: boolean }[]>(
          'select current_user as name, rolbypassrls or rolsuper as privileged from pg_roles where rolname = current_user',
        );
      if (!role?.privileged) throw cliErrors.ownerRoleRequired(role?.name ?? 'unknown');
    }
    if (options.requireMigrated ?? true) {
      const pending = await orm.migrator.getPending();
      if (pending.length > 0) throw cliErrors.migrationsPending(pending.map((m) => m.name));
    }
  } catch (error) {
    await orm?.close();
    await stopDatabase();
    throw error;
  }
  const opened = orm;
  return {
    config,
    ownerUrl,
    embedded,
    orm: opened,
    em: () => opened.em.fork(),
    close: async () => {
      await opened.close();
      await stopDatabase();
    },
  };
}

/** Runs a command's work with a context and closes it whatever happens. */
export async function withCliContext<T>(options: CliContextOptions, work: (ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = await openCliContext(options);
  try {
    return await work(ctx);
  } finally {
    await ctx.close();
  }
}
