import 'reflect-metadata';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from '../database/create-orm.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { readRows } from '../common/entities/read-batcher.js';
import { applyIdentity } from './apply-identity.js';
import { UserRole } from './user-role.enum.js';

/** Reads folded into one statement (common/entities/read-batcher.ts) still run as the caller, part by part. */
describe('row-level security over folded reads', () => {
  let database: TestDatabase;
  let owner: MikroORM;
  let app: MikroORM;
  beforeAll(async () => {
    database = await createTestDatabase();
    owner = await createOrm({ clientUrl: database.ownerUrl });
    app = await createOrm({ clientUrl: database.appUrl });
  });
  afterAll(async () => {
    await owner.close();
    await app.close();
    await database.drop();
  });

  it("row-level security filters every part by the transaction's identity", async () => {
    const [clerk] = await owner.em.execute<{ id: string; county_id: string; township_id: string; tv: number }[]>(
      `select u.id, u.county_id, u.township_id, u.token_version as tv from app_user u
        where u.role = 'TOWNSHIP_CLERK' order by u.login limit 1`,
    );
    const [all] = await owner.em.execute<{ townships: number; deputies: number }[]>(
      `select (select count(*) from township)::int as townships, (select count(distinct township_id) from deputy)::int as deputies`,
    );
    // Without row-level security both parts would return several townships.
    expect(all!.townships).toBeGreaterThan(1);
    expect(all!.deputies).toBeGreaterThan(1);
    const [townships, deputies] = await (async () => {
      const em = app.em.fork() as EntityManager;
      await em.begin({ readOnly: true });
      await applyIdentity(em, {
        userId: clerk!.id,
        role: UserRole.TOWNSHIP_CLERK,
        countyId: clerk!.county_id,
        townshipId: clerk!.township_id,
        tokenVersion: clerk!.tv,
      });
      try {
        return await Promise.all([
          readRows(em, { sql: 'select id from township', params: [], columns: ['id'] }),
          readRows(em, { sql: 'select distinct township_id from deputy', params: [], columns: ['township_id'] }),
        ]);
      } finally {
        await em.rollback();
      }
    })();
    expect(townships).toStrictEqual([{ id: clerk!.township_id }]);
    expect(deputies).toStrictEqual([{ township_id: clerk!.township_id }]);
  });
});
