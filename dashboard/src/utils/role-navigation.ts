import type { UserRole } from '../graphql/generated/schema-enums';

export const COUNTY_ROLES: readonly UserRole[] = ['COUNTY_STAFF', 'ANALYST', 'COUNTY_ADMIN'];
export const TOWNSHIP_ROLES: readonly UserRole[] = ['TOWNSHIP_CLERK', 'TOWNSHIP_VIEWER'];

/** The views of the dashboard (route names) and the roles that see each. */
export const VIEW_ROLES = {
  'clerk-home': ['TOWNSHIP_CLERK'],
  'county-overview': COUNTY_ROLES,
  'township-index': COUNTY_ROLES,
  township: [...COUNTY_ROLES, ...TOWNSHIP_ROLES],
  'own-township': TOWNSHIP_ROLES,
  'record-activity': ['TOWNSHIP_CLERK'],
  'quarterly-report': ['TOWNSHIP_CLERK'],
  'report-status': ['COUNTY_STAFF'],
  explorer: ['ANALYST'],
  'deputy-home': ['DEPUTY'],
  'data-import': ['TOWNSHIP_CLERK', 'COUNTY_ADMIN'],
  // Assessments of named persons: not for analysts (server/README.md, deputies' archive and points).
  // a deputy opens its own only (the server refuses another's): the link on its /me page
  'deputy-archive': ['COUNTY_STAFF', 'COUNTY_ADMIN', ...TOWNSHIP_ROLES, 'DEPUTY'],
  'performance-ranking': ['COUNTY_STAFF', 'COUNTY_ADMIN', ...TOWNSHIP_ROLES],
  'performance-scheme': ['COUNTY_ADMIN'],
} as const satisfies Record<string, readonly UserRole[]>;

export type ViewName = keyof typeof VIEW_ROLES;

export function canSee(role: UserRole | null | undefined, view: ViewName): boolean {
  return role !== null && role !== undefined && (VIEW_ROLES[view] as readonly UserRole[]).includes(role);
}

export function isCountyRole(role: UserRole): boolean {
  return COUNTY_ROLES.includes(role);
}

/** The views in the menu: the `township` page is reached from the index, not the menu. */
export type MenuView = Exclude<ViewName, 'township' | 'deputy-archive' | 'performance-ranking'>;

/** The navigation of a role, in menu order. */
const MENU: readonly MenuView[] = [
  'clerk-home',
  'own-township',
  'county-overview',
  'township-index',
  'record-activity',
  'quarterly-report',
  'report-status',
  'explorer',
  'deputy-home',
  'data-import',
  'performance-scheme',
];

export function menuFor(role: UserRole): MenuView[] {
  return MENU.filter((view) => canSee(role, view));
}

/** Where a role lands after signing in. */
export function homeFor(role: UserRole): ViewName {
  switch (role) {
    case 'TOWNSHIP_CLERK':
      return 'clerk-home';
    case 'TOWNSHIP_VIEWER':
      return 'own-township';
    case 'COUNTY_STAFF':
    case 'ANALYST':
    case 'COUNTY_ADMIN':
      return 'county-overview';
    case 'DEPUTY':
      return 'deputy-home';
  }
}
