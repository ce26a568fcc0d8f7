import type { RequestContext } from '../../tenancy/request-context.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { notFoundError } from '../../common/errors/not-found-error.js';
import { authErrors } from '../auth/auth.errors.js';

/** County analytics answer for the caller's own county only; another county is as good as absent. */
export function countyScope(ctx: RequestContext, countyId: string): string {
  if (!ctx.identity) throw authErrors.notSignedIn();
  assertUuid(countyId, ['countyId']);
  if (countyId !== ctx.identity.countyId) throw notFoundError('县', 'County', countyId, ['countyId']);
  return countyId;
}
