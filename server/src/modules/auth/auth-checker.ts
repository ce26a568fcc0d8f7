import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { authErrors } from './auth.errors.js';

/** The role list that marks an operation open to anonymous callers (`login`, `activateAccount`). */
export const PUBLIC = 'PUBLIC';

/**
 * Every query and mutation carries `@Authorized(...)` (a test walks the schema for it). An empty
 * list means any signed-in role but DEPUTY; row-level security then decides which rows that role sees.
 * A deputy calls only the operations that name its role (`EVERY_ROLE` or `UserRole.DEPUTY`), so a
 * new operation stays closed to deputies until someone decides otherwise.
 * A session the request transaction found ended is refused everywhere; an API token may call only
 * the root operations it names (and only those its clerk role may call).
 */
export const authChecker: AuthChecker<RequestContext> = ({ context, info }, roles) => {
  if (roles.includes(PUBLIC)) return true;
  if (!context.identity) throw accessErrors.notSignedIn();
  if (context.identityRevoked) throw authErrors.sessionRevoked();
  const apiToken = context.identity.apiToken;
  if (apiToken) {
    const root = info.path.prev === undefined;
    if (!root || !apiToken.operations.includes(info.fieldName)) throw authErrors.apiTokenOutOfScope(info.fieldName);
  }
  const role = context.identity.role;
  if ((roles.length === 0 && role !== UserRole.DEPUTY) || roles.includes(role)) return true;
  throw accessErrors.roleForbidden();
};
