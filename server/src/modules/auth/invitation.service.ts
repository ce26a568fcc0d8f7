import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SessionTokens } from '../../tenancy/identity.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { AccountInvitation } from './account-invitation.entity.js';
import { User } from './user.entity.js';
import { authErrors } from './auth.errors.js';
import { passwordHasher } from './password-hasher.js';
import { assertAcceptablePassword } from './password-policy.js';
import { hashInvitationToken, newInvitationToken } from './invitation-token.js';
import { identityOf, type SignedIn } from './signed-in.js';
import { beginLoginLookup } from './login-directory.js';

/** How long an activation link works unless the issuer says otherwise. */
export const INVITATION_LIFETIME_HOURS = 72;
const HOUR_MS = 3600 * 1000;

export interface IssuedInvitation {
  invitationId: string;
  /** The raw token: shown once (in the activation link), never stored. */
  token: string;
  expiresAt: Date;
}

export interface IssueOptions {
  /** The user issuing it; null for an operator (the CLI). */
  issuedBy?: string | null;
  lifetimeHours?: number;
}

type ActivationOutcome = 'ACTIVATED' | 'UNKNOWN' | 'USED' | 'REVOKED' | 'EXPIRED' | 'INACTIVE';

/**
 * One-time activation links. `issue` runs as whoever may see the user (a county admin through the
 * request transaction, or the owner role from the CLI): row-level security decides. `activate` runs for
 * an anonymous caller, so the redemption is one security-definer function (`renda_activate_account`)
 * that locks the invitation row: of two concurrent activations of one token exactly one wins.
 */
export class InvitationService {
  constructor(private readonly em: EntityManager) {}

  /** A new link for the user; earlier unused links of the same user stop working. */
  async issue(user: User, options: IssueOptions = {}): Promise<IssuedInvitation> {
    const now = new Date();
    await this.em.nativeUpdate(
      AccountInvitation,
      { user: user.id, usedAt: null, revokedAt: null },
      { revokedAt: now, updatedAt: now },
    );
    const token = newInvitationToken();
    const invitation = Object.assign(new AccountInvitation(), {
      user: ref(User, user.id),
      county: ref(County, user.county.id),
      township: user.township ? ref(Township, user.township.id) : null,
      tokenHash: hashInvitationToken(token),
      expiresAt: new Date(now.getTime() + (options.lifetimeHours ?? INVITATION_LIFETIME_HOURS) * HOUR_MS),
      createdBy: options.issuedBy ?? null,
    });
    await this.em.persist(invitation).flush();
    return { invitationId: invitation.id, token, expiresAt: invitation.expiresAt };
  }

  /**
   * Sets the password of the invitation's user and signs them in. The password is checked (and hashed)
   * before the token is redeemed, so a refused password leaves the link usable.
   */
  async activate(tokens: SessionTokens, token: string, password: string): Promise<SignedIn> {
    assertAcceptablePassword(password);
    const passwordHash = await passwordHasher.hash(password);
    const [row] = await this.em.execute<
      { outcome: ActivationOutcome; login: string | null; expires_at: Date | null }[]
    >('select outcome, login, expires_at from renda_activate_account(?, ?)', [
      hashInvitationToken(token),
      passwordHash,
    ]);
    switch (row?.outcome) {
      case 'ACTIVATED':
        break;
      case 'USED':
        throw authErrors.invitationUsed();
      case 'REVOKED':
        throw authErrors.invitationRevoked();
      case 'EXPIRED':
        throw authErrors.invitationExpired(new Date(row.expires_at!));
      case 'INACTIVE':
        throw authErrors.invitationAccountInactive();
      default:
        throw authErrors.invitationUnknown();
    }
    // As in login: before an identity exists, the policy shows exactly the user whose login is named, and
    // the login directory names its county, so the user is read in that county alone.
    const login = row.login!;
    const user = await this.em.transactional(async (tx) => {
      const county = await beginLoginLookup(tx, login);
      return tx.findOneOrFail(User, county === null ? { login } : { login, county });
    });
    const identity = identityOf(user);
    return { payload: { ...(await tokens.issue(identity)), user }, identity };
  }
}
