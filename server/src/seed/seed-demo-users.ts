import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { County } from '../modules/county/county.entity.js';
import { Township } from '../modules/township/township.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { UserRole } from '../tenancy/user-role.enum.js';
import { passwordHasher } from '../modules/auth/password-hasher.js';
import { registerLogins } from '../modules/auth/login-directory.js';

/** Documented in README.md; the server refuses to start in production while a demo account is active. */
export const DEMO_PASSWORD = 'renda-demo-2026';

const TOWNSHIP_ROLES = [
  [UserRole.TOWNSHIP_CLERK, 'clerk', '文书'],
  [UserRole.TOWNSHIP_VIEWER, 'viewer', '查阅'],
] as const;
const COUNTY_ROLES = [
  [UserRole.COUNTY_STAFF, 'staff', '人大常委会工作人员'],
  [UserRole.ANALYST, 'analyst', '分析员'],
  [UserRole.COUNTY_ADMIN, 'admin', '系统管理员'],
] as const;

/** One account per role for every township and county present (or of one county): `qunli.clerk`, `demo.analyst`, … */
export async function seedDemoUsers(em: EntityManager, countyId?: string): Promise<number> {
  const hash = await passwordHasher.hash(DEMO_PASSWORD);
  const users: User[] = [];
  const make = (login: string, displayName: string, role: UserRole, countyId: string, townshipId: string | null) =>
    Object.assign(new User(), {
      login,
      displayName,
      passwordHash: hash,
      role,
      county: ref(County, countyId),
      township: townshipId ? ref(Township, townshipId) : null,
      demoCredentials: true,
    });
  for (const county of await em.find(County, countyId ? { id: countyId } : {})) {
    for (const [role, suffix, label] of COUNTY_ROLES) {
      users.push(
        make(`${county.code.toLowerCase()}.${suffix}`, `${county.name}${label}（演示）`, role, county.id, null),
      );
    }
  }
  for (const township of await em.find(Township, countyId ? { county: countyId } : {})) {
    for (const [role, suffix, label] of TOWNSHIP_ROLES) {
      users.push(
        make(
          `${township.code.toLowerCase()}.${suffix}`,
          `${township.name}${label}（演示）`,
          role,
          township.county.id,
          township.id,
        ),
      );
    }
  }
  await em.persist(users).flush();
  await registerLogins(em, users);
  return users.length;
}
