import { DATABASE_ROLES } from '../database-roles.js';
import type { RunSql } from './distribute.js';

/**
 * What the roles need on a Citus cluster beyond provision-roles.ts, run by a superuser in a database
 * with the extension and the nodes registered. The coordinator opens its connections to the workers as
 * the current role, and an analyst's request runs as `renda_analyst` (`set role`), so that role must be
 * allowed to log in on every node; it still has no password of its own, so with password
 * authentication only the coordinator's own credentials (pg_dist_authinfo, a .pgpass, or certificates,
 * as the operator configures Citus) can open such connections. Idempotent.
 */
export async function prepareClusterRoles(superuser: RunSql): Promise<void> {
  const statement = `alter role ${DATABASE_ROLES.analyst} login`;
  await superuser(statement);
  const failed = (await superuser(
    `select nodename, nodeport, result from run_command_on_workers('${statement}') where not success`,
  )) as { result: string }[];
  if (failed.length > 0) throw new Error(`${statement} failed on a worker: ${failed[0]!.result}`);
}
