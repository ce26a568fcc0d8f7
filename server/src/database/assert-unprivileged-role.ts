import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Row-level security is the tenancy boundary only if the serving role cannot skip it: refuse to serve
 * as a superuser, a BYPASSRLS role, or the tables' owner.
 */
export async function assertUnprivilegedRole(orm: MikroORM): Promise<void> {
  const [row] = await orm.em
    .fork()
    .execute<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owns: boolean }[]>(
      `select rolname, rolsuper, rolbypassrls,
            exists (select 1 from pg_tables where schemaname = 'public' and tableowner = current_user) as owns
       from pg_roles where rolname = current_user`,
    );
  if (!row || row.rolsuper || row.rolbypassrls || row.owns) {
    throw new Error(
      `refusing to serve as database role "${row?.rolname}": it is a superuser, has BYPASSRLS or owns the tables. ` +
        'Set DATABASE_URL to the application role and MIGRATION_DATABASE_URL to the owner (see README.md).',
    );
  }
}
