import { randomUUID } from 'node:crypto';
import { isUUID } from 'class-validator';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RequestLoaders } from '../common/loaders/request-loaders.js';
import { applyIdentity } from '../tenancy/apply-identity.js';
import type { Identity, SessionTokens } from '../tenancy/identity.js';
import type { RequestContext } from '../tenancy/request-context.js';
import { UserRole } from '../tenancy/user-role.enum.js';
import type { CliContext } from './cli-context.js';
import { cliErrors } from './cli.errors.js';

/** A command acts for a user but never signs anyone in: a session is refused if anything asks for one. */
const NO_SESSIONS: SessionTokens = {
  issue: () => Promise.reject(cliErrors.noSessions()),
  verify: () => Promise.reject(cliErrors.noSessions()),
};

interface UserRow {
  id: string;
  role: UserRole;
  countyId: string;
  townshipId: string | null;
  deputyId: string | null;
  tokenVersion: number;
}

/** `--as <login>`: an active user whose rights the command uses (and whom the audit names). */
async function identityOf(em: EntityManager, login: string, roles: readonly UserRole[]): Promise<Identity> {
  const [user] = await em.execute<UserRow[]>(
    `select id, role, county_id as "countyId", township_id as "townshipId", deputy_id as "deputyId",
            token_version as "tokenVersion"
       from app_user where login = ? and active`,
    [login.trim()],
  );
  if (!user) throw cliErrors.userNotFound(login);
  if (!roles.includes(user.role)) throw cliErrors.userRoleNotAllowed(login, user.role, roles);
  return {
    userId: user.id,
    role: user.role,
    countyId: user.countyId,
    townshipId: user.townshipId,
    deputyId: user.deputyId,
    tokenVersion: user.tokenVersion,
  };
}

/** `--township <id|name>` within the user's county; a clerk's own township when omitted. */
export async function townshipFor(
  em: EntityManager,
  identity: Identity,
  reference: string | undefined,
): Promise<string> {
  if (reference === undefined) {
    if (identity.townshipId) return identity.townshipId;
    throw cliErrors.townshipRequired();
  }
  const text = reference.trim();
  const rows = await em.execute<{ id: string }[]>(
    `select id from township where county_id = ? and ${isUUID(text) ? 'id = ?::uuid' : 'name = ?'}`,
    [identity.countyId, text],
  );
  if (rows.length !== 1) throw cliErrors.townshipNotFound(reference);
  return rows[0]!.id;
}

/**
 * Runs `work` in one transaction carrying `login`'s identity, as a request of that user would: the
 * domain services check the same rights and the audit trigger names the same user. All or nothing.
 */
export async function asUser<T>(
  ctx: CliContext,
  login: string,
  roles: readonly UserRole[],
  work: (request: RequestContext) => Promise<T>,
): Promise<T> {
  const em = ctx.em();
  const identity = await identityOf(em, login, roles);
  await em.begin();
  try {
    if (!(await applyIdentity(em, identity)).valid) throw cliErrors.userNotFound(login);
    const request: RequestContext = {
      requestId: randomUUID(),
      em,
      loaders: new RequestLoaders(
        em,
        `${identity.countyId}/${identity.townshipId ?? '*'}/${identity.role}/cli`,
        identity.countyId,
      ),
      identity,
      identityRevoked: false,
      clientAddress: 'renda-cli',
      tokens: NO_SESSIONS,
      transaction: { open: true },
    };
    const result = await work(request);
    await em.commit();
    return result;
  } catch (error) {
    await em.rollback();
    throw error;
  }
}
