import 'reflect-metadata';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from '../database/create-orm.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { applyIdentity, IDENTITY_STATEMENT, identityParams } from './apply-identity.js';
import { UserRole } from './user-role.enum.js';
import type { Identity } from './identity.js';

/** The identity statement every request transaction starts with (apply-identity.ts). */
describe('the identity statement', () => {
  let database: TestDatabase;
  let owner: MikroORM;
  let app: MikroORM;
  let clerk: Identity;
  beforeAll(async () => {
    database = await createTestDatabase();
    owner = await createOrm({ clientUrl: database.ownerUrl });
    app = await createOrm({ clientUrl: database.appUrl });
    const [row] = await owner.em.execute<{ id: string; county_id: string; township_id: string; tv: number }[]>(
      `select u.id, u.county_id, u.township_id, u.token_version as tv from app_user u
        where u.role = 'TOWNSHIP_CLERK' and u.active order by u.login limit 1`,
    );
    clerk = {
      userId: row!.id,
      role: UserRole.TOWNSHIP_CLERK,
      countyId: row!.county_id,
      townshipId: row!.township_id,
      tokenVersion: row!.tv,
    };
  });
  afterAll(async () => {
    await owner.close();
    await app.close();
    await database.drop();
  });

  /** How often the plan evaluates the session check: once per occurrence in its output lists. */
  async function sessionChecksInPlan(identity: Identity): Promise<number> {
    const [row] = await app.em.execute<{ 'QUERY PLAN': unknown }[]>(
      `explain (verbose, format json) ${IDENTITY_STATEMENT}`,
      identityParams(identity),
    );
    return JSON.stringify(row!['QUERY PLAN']).split('renda_identity_valid(').length - 1;
  }

  it('checks the session once, not once for every setting that depends on it', async () => {
    // Without the subquery's fence PostgreSQL inlines it and the plan calls the check seven times.
    expect(await sessionChecksInPlan(clerk)).toBe(1);
    expect(await sessionChecksInPlan({ ...clerk, tokenVersion: clerk.tokenVersion! + 1 })).toBe(1);
  });

  it('calls only functions whose plans PostgreSQL keeps for the connection', async () => {
    // A `language sql` function that is security definer or has a `set` clause is never inlined, and is
    // parsed and planned again for every statement that calls it (before PostgreSQL 18): on every request.
    const called = [...new Set([...IDENTITY_STATEMENT.matchAll(/\b(renda_\w+)\(/g)].map((m) => m[1]!))];
    expect(called).toEqual(
      expect.arrayContaining(['renda_identity_valid', 'renda_data_version', 'renda_share_settings']),
    );
    const replanned = await owner.em.execute<{ name: string }[]>(
      `select p.proname as name from pg_proc p join pg_language l on l.oid = p.prolang
        where p.pronamespace = 'public'::regnamespace and p.proname in (?)
          and l.lanname = 'sql' and (p.prosecdef or p.proconfig is not null)`,
      [called],
    );
    expect(replanned).toEqual([]);
  });

  it('is prepared on a connection with its first request, and requests execute it', async () => {
    const em = app.em.fork() as EntityManager;
    await em.begin({ readOnly: true });
    try {
      const applied = await applyIdentity(em, clerk);
      expect(applied.valid).toBe(true);
      // the same connection: prepared with the first request's identity and kept
      const [row] = await em.execute<{ n: number; statement: string }[]>(
        `select count(*)::int as n, min(statement) as statement from pg_prepared_statements where name = 'renda_identity'`,
      );
      expect(row!.n).toBe(1);
      expect(row!.statement).toContain('renda_identity_valid(');
    } finally {
      await em.rollback();
    }
    // a connection that has not run the identity has not prepared it (the owner's here)
    const [owned] = await owner.em.execute<{ n: number }[]>(
      `select count(*)::int as n from pg_prepared_statements where name = 'renda_identity'`,
    );
    expect(owned!.n).toBe(0);
  });

  it('applies the settings when the session stands and none when it does not', async () => {
    const settingsAfter = async (identity: Identity) => {
      const em = app.em.fork() as EntityManager;
      await em.begin({ readOnly: true });
      try {
        const applied = await applyIdentity(em, identity);
        const [row] = await em.execute<{ county: string; township: string }[]>(
          `select current_setting('renda.county_id', true) as county, current_setting('renda.township_id', true) as township`,
        );
        return { valid: applied.valid, ...row! };
      } finally {
        await em.rollback();
      }
    };
    expect(await settingsAfter(clerk)).toStrictEqual({
      valid: true,
      county: clerk.countyId,
      township: clerk.townshipId,
    });
    // A token issued before the last sign-out: nothing is applied, so row-level security shows nothing.
    expect(await settingsAfter({ ...clerk, tokenVersion: clerk.tokenVersion! + 1 })).toStrictEqual({
      valid: false,
      county: '',
      township: '',
    });
  });
});
