import { randomBytes } from 'node:crypto';
import { ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { loadInTownship } from '../../tenancy/load-in-township.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { User } from '../auth/user.entity.js';
import { passwordHasher } from '../auth/password-hasher.js';
import { authErrors } from '../auth/auth.errors.js';
import { InvitationService } from '../auth/invitation.service.js';
import { registerLogins } from '../auth/login-directory.js';
import { Deputy } from './deputy.entity.js';
import { DeputyStatus } from './deputy-status.enum.js';
import { deputyErrors } from './deputy.errors.js';
import type { InviteDeputyInput } from './dto/invite-deputy.input.js';
import type { DeputyInvitation } from './dto/deputy-invitation.js';

/**
 * The township clerk opens a deputy's own account (role DEPUTY, bound to the deputy, same township) and
 * gets its one-time activation link, which the deputy opens to set its password (activateAccount).
 * Row-level security lets a clerk insert and read DEPUTY users of its own township only (and so invite
 * them: account_invitation's policy follows app_user's).
 */
export class DeputyInvitationService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async invite(input: InviteDeputyInput): Promise<DeputyInvitation> {
    const deputy = await loadInTownship(this.em, Deputy, input.deputyId, this.scope, ['input', 'deputyId'], {
      zh: '代表',
      en: 'deputy',
    });
    if (deputy.status !== DeputyStatus.ACTIVE) throw deputyErrors.notServingForAccount(deputy);
    if (await this.em.count(User, { deputyId: deputy.id })) throw deputyErrors.alreadyInvited(deputy);
    // Nobody knows this password: the deputy sets its own through the activation link.
    const password = randomBytes(32).toString('base64url');
    const user = Object.assign(new User(), {
      login: input.username,
      displayName: deputy.name,
      passwordHash: await passwordHasher.hash(password),
      role: UserRole.DEPUTY,
      county: ref(County, this.scope.countyId),
      township: ref(Township, this.scope.townshipId),
      deputyId: deputy.id,
    });
    try {
      await this.em.persist(user).flush();
      await registerLogins(this.em, [user]);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        // Two clerks inviting the same deputy at once: the partial unique index decides.
        if (/app_user_deputy_id_unique/.test(error.message)) throw deputyErrors.alreadyInvited(deputy);
        throw authErrors.loginTaken(input.username);
      }
      throw error;
    }
    const invitation = await new InvitationService(this.em).issue(user, { issuedBy: this.scope.identity.userId });
    return { user, activationPath: `/activate/${invitation.token}`, expiresAt: invitation.expiresAt };
  }
}
