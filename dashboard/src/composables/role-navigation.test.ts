import { describe, expect, it } from '@jest/globals';
import { canSee, homeFor, menuFor, VIEW_ROLES, type UserRole } from './role-navigation';

const ROLES: UserRole[] = ['TOWNSHIP_CLERK', 'TOWNSHIP_VIEWER', 'COUNTY_STAFF', 'ANALYST', 'COUNTY_ADMIN'];

describe('role navigation', () => {
  it('gives each role only its views', () => {
    expect(menuFor('TOWNSHIP_CLERK')).toEqual(['own-township', 'record-activity', 'quarterly-report']);
    expect(menuFor('TOWNSHIP_VIEWER')).toEqual(['own-township']);
    expect(menuFor('COUNTY_STAFF')).toEqual(['township-index', 'report-status']);
    expect(menuFor('ANALYST')).toEqual(['township-index', 'explorer']);
    expect(menuFor('COUNTY_ADMIN')).toEqual(['township-index']);
  });

  it('lands every role on a view it may see', () => {
    for (const role of ROLES) expect(canSee(role, homeFor(role))).toBe(true);
  });

  it('keeps writes to the roles the server lets write', () => {
    expect(VIEW_ROLES['quarterly-report']).toEqual(['TOWNSHIP_CLERK']);
    expect(canSee('COUNTY_ADMIN', 'report-status')).toBe(false);
    expect(canSee(null, 'township')).toBe(false);
  });
});
