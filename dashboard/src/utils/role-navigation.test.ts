import { describe, expect, it } from '@jest/globals';
import { UserRole } from '../graphql/generated/schema-enums';
import { canSee, homeFor, menuFor, VIEW_ROLES } from './role-navigation';

const ROLES: UserRole[] = Object.values(UserRole);

describe('role navigation', () => {
  it('gives each role only its views', () => {
    expect(menuFor('TOWNSHIP_CLERK')).toEqual([
      'clerk-home',
      'own-township',
      'record-activity',
      'quarterly-report',
      'data-import',
    ]);
    expect(menuFor('TOWNSHIP_VIEWER')).toEqual(['own-township']);
    expect(menuFor('COUNTY_STAFF')).toEqual(['county-overview', 'township-index', 'report-status']);
    expect(menuFor('ANALYST')).toEqual(['county-overview', 'township-index', 'explorer']);
    expect(menuFor('COUNTY_ADMIN')).toEqual(['county-overview', 'township-index', 'data-import', 'performance-scheme']);
  });

  it('lands every role on a view it may see, county roles on the county overview', () => {
    for (const role of ROLES) expect(canSee(role, homeFor(role))).toBe(true);
    expect(homeFor('COUNTY_STAFF')).toBe('county-overview');
    expect(homeFor('ANALYST')).toBe('county-overview');
    expect(homeFor('TOWNSHIP_CLERK')).toBe('clerk-home');
    expect(homeFor('TOWNSHIP_VIEWER')).toBe('own-township');
  });

  it('keeps writes to the roles the server lets write', () => {
    expect(VIEW_ROLES['quarterly-report']).toEqual(['TOWNSHIP_CLERK']);
    expect(canSee('COUNTY_ADMIN', 'report-status')).toBe(false);
    expect(canSee(null, 'township')).toBe(false);
    expect(VIEW_ROLES['performance-scheme']).toEqual(['COUNTY_ADMIN']);
    // Deputies' points are not for analysts (server: performance-access.ts).
    expect(canSee('ANALYST', 'deputy-archive')).toBe(false);
    expect(canSee('ANALYST', 'performance-ranking')).toBe(false);
  });
});
