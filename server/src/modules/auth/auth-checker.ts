import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../../common/context/request-context.js';
import { authErrors } from './auth.errors.js';

/** The role list that marks an operation open to anonymous callers (only `login`). */
export const PUBLIC = 'PUBLIC';

/**
 * Every query and mutation carries `@Authorized(...)` (a test walks the schema for it). An empty
 * list means any signed-in role; row-level security then decides which rows that role sees.
 */
export const authChecker: AuthChecker<RequestContext> = ({ context }, roles) => {
  if (roles.includes(PUBLIC)) return true;
  if (!context.identity) throw authErrors.notSignedIn();
  if (roles.length === 0 || roles.includes(context.identity.role)) return true;
  throw authErrors.forbidden();
};
