import { createOrm, type BenchOrm } from '@renda/server/dist/database/create-orm.js';
import { provisionRoles, roleUrl } from '@renda/server/dist/database/provision-roles.js';
import { withClient } from './with-client.js';

export interface MarkedDatabaseOptions {
  /** A superuser URL of the cluster's maintenance database. */
  clusterUrl: string;
  name: string;
  /** The database comment that says its load completed. */
  marker: string;
  /** Drop and load again even when the marker is there. */
  reload: boolean;
  log: (line: string) => void;
  /** Fills the freshly created and migrated database. */
  load: (orm: BenchOrm, ownerUrl: string) => Promise<void>;
  /**
   * A cluster of several servers (Citus): drops and creates the database on every node, in place of
   * the single server's drop and `provisionRoles`.
   */
  nodes?: { drop(name: string): Promise<void>; create(name: string): Promise<void> };
  /** After the load, before the marker: e.g. distributing the loaded tables over the workers. */
  afterLoad?: (ownerUrl: string) => Promise<void>;
}

/**
 * A database of the bench cluster created (roles provisioned), migrated and loaded once, then marked
 * with a comment, so an interrupted load is never taken for a finished one; reused after, with the
 * migrations added since it was loaded (e.g. new indexes) applied first.
 */
export async function markedDatabase(options: MarkedDatabaseOptions): Promise<{ ownerUrl: string; appUrl: string }> {
  const { clusterUrl, name, marker, log } = options;
  const marked = await withClient(clusterUrl, async (client) => {
    const found = await client.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [name],
    );
    return found.rows[0]?.comment === marker;
  });
  const fresh = !marked || options.reload;
  if (fresh) {
    if (options.nodes) {
      await options.nodes.drop(name);
      await options.nodes.create(name);
    } else {
      await withClient(clusterUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
      await provisionRoles(clusterUrl, name);
    }
    log(`migrating ${name}`);
  }
  const ownerUrl = roleUrl(clusterUrl, name, 'owner');
  const orm = await createOrm({ clientUrl: ownerUrl });
  try {
    const applied = await orm.migrator.up();
    if (!fresh && Array.isArray(applied) && applied.length > 0) {
      log(`applied ${applied.length} new migration(s) to ${name}`);
    }
    if (fresh) await options.load(orm, ownerUrl);
  } finally {
    await orm.close();
  }
  if (fresh && options.afterLoad) await options.afterLoad(ownerUrl);
  if (fresh) await withClient(clusterUrl, (client) => client.query(`comment on database ${name} is '${marker}'`));
  return { ownerUrl, appUrl: roleUrl(clusterUrl, name, 'app') };
}
