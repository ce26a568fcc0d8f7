import type { Identity } from '../../tenancy/identity.js';
import type { RequestContext } from '../../tenancy/request-context.js';
import { beginRequestTransaction } from '../../tenancy/request-transaction.js';
import type { LoginPayload } from './dto/login-payload.js';
import type { User } from './user.entity.js';

/** A successful sign-in: what the client receives, and whom it signed in as. */
export interface SignedIn {
  payload: LoginPayload;
  identity: Identity;
}

export function identityOf(user: User): Identity {
  return {
    userId: user.id,
    role: user.role,
    countyId: user.county.id,
    townshipId: user.township?.id ?? null,
    deputyId: user.deputyId,
    tokenVersion: user.tokenVersion,
  };
}

/**
 * Sign-in operations run without the request transaction (public-operations.ts), so the payload's
 * nested fields (`user { county { name } }`) would otherwise be read with no identity, and row-level
 * security would hide the user's own county. Once the password (or activation link) is verified, the
 * rest of the operation reads as the user just signed in, in a read-only transaction the request
 * transaction plugin closes like any other.
 */
export async function continueAsSignedIn(ctx: RequestContext, signedIn: SignedIn): Promise<LoginPayload> {
  ctx.identity = signedIn.identity;
  await beginRequestTransaction(ctx, true);
  return signedIn.payload;
}
