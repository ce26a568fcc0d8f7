import type { RequestContext } from '../../tenancy/request-context.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { countyErrors } from '../county/county.errors.js';

/** County analytics answer for the caller's own county only; another county is as good as absent. */
export function countyScope(ctx: RequestContext, countyId: string): string {
  if (!ctx.identity) throw accessErrors.notSignedIn();
  assertUuid(countyId, ['countyId']);
  if (countyId !== ctx.identity.countyId) throw countyErrors.notFound(countyId, ['countyId']);
  return countyId;
}
