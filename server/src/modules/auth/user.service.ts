import { ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { User } from './user.entity.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { passwordHasher } from './password-hasher.js';
import type { CreateUserInput } from './dto/create-user.input.js';
import type { UpdateUserInput } from './dto/update-user.input.js';
import { authErrors } from './auth.errors.js';
import { registerLogins } from './login-directory.js';
import { townshipErrors } from '../township/township.errors.js';

const TOWNSHIP_ROLES = new Set([UserRole.TOWNSHIP_CLERK, UserRole.TOWNSHIP_VIEWER]);

/** User management for county admins; row-level security confines it to the admin's county. */
export class UserService {
  constructor(private readonly em: EntityManager) {}

  async me(identity: Identity): Promise<User> {
    const user = await this.em.findOne(User, { id: identity.userId, county: identity.countyId });
    if (!user) throw authErrors.userNotFound(identity.userId);
    return user;
  }

  /** `countyId` (the admin's) is named as well as row-level security applies it: one shard group on Citus. */
  list(countyId?: string): Promise<User[]> {
    return this.em.find(User, countyId ? { county: countyId } : {}, { orderBy: { login: 'asc' } });
  }

  async create(admin: Identity, input: CreateUserInput): Promise<User> {
    // A deputy's account is bound to its deputy record: the township clerk invites it (inviteDeputy).
    if (input.role === UserRole.DEPUTY) throw authErrors.deputyOnlyByInvitation();
    const township = await this.townshipFor(input.role, input.townshipId ?? null, admin.countyId);
    const user = Object.assign(new User(), {
      login: input.login,
      displayName: input.displayName,
      passwordHash: await passwordHasher.hash(input.password),
      role: input.role,
      county: ref(County, admin.countyId),
      township: township ? ref(Township, township.id) : null,
    });
    try {
      await this.em.persist(user).flush();
      await registerLogins(this.em, [user]);
    } catch (error) {
      // Logins are unique across the platform (signing in names no county). The clash is left to the
      // constraints (app_user's on one server, the login directory's on either), with one answer whether
      // the login is taken in this county or another: no constraint name and no lookup that row-level
      // security would answer differently.
      if (error instanceof UniqueConstraintViolationException) throw authErrors.loginTaken(input.login);
      throw error;
    }
    return user;
  }

  async update(id: string, input: UpdateUserInput, countyId?: string): Promise<User> {
    assertUuid(id, ['id']);
    const user = await this.em.findOne(User, countyId ? { id, county: countyId } : { id });
    if (!user) throw authErrors.userNotFound(id);
    if (input.displayName != null) user.displayName = input.displayName;
    if (input.active != null) user.active = input.active;
    if (input.password != null) user.passwordHash = await passwordHasher.hash(input.password);
    await this.em.flush();
    return user;
  }

  /** Township roles need a township of the admin's county (invisible otherwise); county roles none. */
  private async townshipFor(role: UserRole, townshipId: string | null, countyId: string): Promise<Township | null> {
    if (!TOWNSHIP_ROLES.has(role)) {
      if (townshipId !== null) throw authErrors.countyRoleWithTownship();
      return null;
    }
    if (townshipId === null) throw authErrors.townshipRoleWithoutTownship();
    assertUuid(townshipId, ['input', 'townshipId']);
    // in the admin's county: one shard group on Citus (loadInTownship)
    const township = await this.em.findOne(Township, { id: townshipId, county: countyId });
    if (!township) throw townshipErrors.notFound(townshipId, ['input', 'townshipId']);
    return township;
  }
}
