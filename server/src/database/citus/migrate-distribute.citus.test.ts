import 'reflect-metadata';
import pg from 'pg';
import { loadAppConfig } from '../../config/app-config.js';
import { createLogger } from '../../common/logging/logger.js';
import { prepareDatabase } from '../../server/prepare-database.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { DISTRIBUTED_TABLES, REFERENCE_TABLES } from '../shard-plan.js';

/**
 * The production path on the cluster: a new database with the extension and the nodes, migrated from
 * nothing in the migrations' one transaction and seeded, as the migration job or a server start does
 * (prepare-database.ts). The tables are created in that transaction, so the migration distribute_by_county
 * leaves them and prepareDatabase distributes them right after the commit.
 */
describe('a new database migrated on the Citus cluster', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('ends distributed by county, seeded, its functions on every node and no policy with a subquery', async () => {
    const config = loadAppConfig({ ...process.env, NODE_ENV: 'test', RENDA_SEED: 'true' });
    const prepared = await prepareDatabase(config, { ownerUrl: database.ownerUrl }, createLogger({ silent: true }));
    // Later migrations run after it in the same call: it is among them, not necessarily last.
    expect(prepared.migrations).toContainEqual(expect.stringMatching(/_distribute_by_county$/));
    expect(prepared.seededRows).toBeGreaterThan(0);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const placed = await client.query<{ method: string; n: string }>(
        `select partmethod as method, count(*)::text as n from pg_dist_partition group by 1 order by 1`,
      );
      expect(placed.rows).toEqual([
        { method: 'h', n: String(DISTRIBUTED_TABLES.length) },
        { method: 'n', n: String(REFERENCE_TABLES.length) },
      ]);
      const localFunctions = await client.query(
        `select p.oid::regprocedure::text from pg_proc p
          where p.pronamespace = 'public'::regnamespace
            and not exists (select 1 from pg_dist_object o where o.classid = 'pg_proc'::regclass and o.objid = p.oid)`,
      );
      expect(localFunctions.rows).toEqual([]);
      const subqueries = await client.query(
        `select tablename, policyname from pg_policies where coalesce(qual, '') || coalesce(with_check, '') ~* 'select'`,
      );
      expect(subqueries.rows).toEqual([]);
      // the seed went through the distributed tables' triggers: audit rows in every township's shard group
      const audited = await client.query<{ n: string }>(`select count(distinct township_id)::text as n from audit_log`);
      expect(Number(audited.rows[0]!.n)).toBeGreaterThan(1);
    } finally {
      await client.end();
    }
    // a second start changes nothing and fails nothing (idempotent)
    const again = await prepareDatabase(config, { ownerUrl: database.ownerUrl }, createLogger({ silent: true }));
    expect(again).toEqual({ migrations: [], seededRows: 0 });
  });
});
