/**
 * The three database roles. Migrations run as OWNER (owns the tables; BYPASSRLS for maintenance such as
 * loading seed data). The server runs as APP: not the owner, not superuser, no BYPASSRLS, so row-level
 * security always applies. Analysts' requests switch to ANALYST, which lacks privileges on PII columns.
 */
export const DATABASE_ROLES = {
  owner: 'renda_owner',
  app: 'renda_app',
  analyst: 'renda_analyst',
} as const;

/** Loopback-only credentials for the embedded and test servers; production passes its own URLs. */
export const DEV_ROLE_PASSWORDS = {
  owner: 'renda-owner-dev',
  app: 'renda-app-dev',
} as const;
